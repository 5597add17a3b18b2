package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway is killed with SIGKILL while 1,000 interchanges are coming in and being processed, then
 * started again on the same data directory. A partner resends what it got no 202 for, as partners do. Every
 * interchange must end PROCESSED exactly once: one processed message, its three events, one 997 each, counted in the
 * database and in the outbox folder.
 */
class CrashRecoveryIT {

    private static final int MESSAGES = 1000;
    private static final int KILL_AFTER = 400;
    private static final int SENDERS = 6;
    private static final int MIN_IN_FLIGHT = 10;
    private static final int SETS = 3;
    private static final Path JAR = Path.of("target", "seamline.jar");

    @TempDir
    Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyMessageIsProcessedExactlyOnceAcrossAKill() throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "the gateway jar is built by the package phase");
        int port = freePort();
        // one pipeline worker and six senders: intake runs ahead of processing, so the kill finds work in flight
        Process gateway = start(port, "first", "--seamline.pipeline.consumers=1");
        var accepted = ConcurrentHashMap.<Integer>newKeySet();
        var senders = new ArrayList<Thread>();
        for (int t = 0; t < SENDERS; t++) {
            int offset = t;
            Thread sender = new Thread(() -> {
                for (int i = 1 + offset; i <= MESSAGES; i += SENDERS) {
                    if (!gateway.isAlive() || !send(port, i)) {
                        return;
                    }
                    accepted.add(i);
                }
            });
            sender.start();
            senders.add(sender);
        }
        long inFlight;
        try (Connection db = database()) {
            // kill once enough has come in and a backlog is waiting: archived, not yet processed
            var backlog = new long[1];
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        backlog[0] = count(
                                db, "select count(*) from message where direction = 'INBOUND' and status = 'RECEIVED'");
                        return accepted.size() >= KILL_AFTER && backlog[0] >= MIN_IN_FLIGHT;
                    });
            inFlight = backlog[0];
        }
        gateway.destroyForcibly().waitFor();
        for (Thread sender : senders) {
            sender.join();
        }
        int acceptedBeforeKill = accepted.size();

        Process restarted = start(port, "second");
        try {
            for (int i = 1; i <= MESSAGES; i++) {
                if (!accepted.contains(i)) {
                    assertThat(send(port, i))
                            .as("interchange %d accepted after the restart", i)
                            .isTrue();
                }
            }
            try (Connection db = database()) {
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(
                                                db,
                                                "select count(*) from message where direction = 'INBOUND' and status = 'RECEIVED'")
                                        == 0
                                && count(db, "select count(*) from outbox where status = 'PENDING'") == 0);

                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'INBOUND' and status = 'PROCESSED'"))
                        .isEqualTo(MESSAGES);
                assertThat(count(
                                db,
                                "select count(distinct interchange_control) from message"
                                        + " where direction = 'INBOUND' and status = 'PROCESSED'"))
                        .isEqualTo(MESSAGES);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'INBOUND'"
                                        + " and status not in ('PROCESSED', 'DUPLICATE')"))
                        .isZero();
                assertThat(count(db, "select count(*) from event")).isEqualTo((long) MESSAGES * SETS);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'OUTBOUND' and document_type = '997'"))
                        .isEqualTo(MESSAGES);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'INBOUND' and status = 'PROCESSED'"
                                        + " and ack_message_id is null"))
                        .isZero();
                assertThat(count(db, "select count(*) from inbound_interchange where ack_message_id is not null"))
                        .isEqualTo(MESSAGES);
                System.out.printf(
                        "crash test: %d of %d accepted before the kill, %d of them not yet processed;"
                                + " %d resent copies ended DUPLICATE%n",
                        acceptedBeforeKill,
                        MESSAGES,
                        inFlight,
                        count(db, "select count(*) from message where status = 'DUPLICATE'"));
            }
            assertThat(acknowledgementFiles()).hasSize(MESSAGES);
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    private Process start(int port, String name, String... settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--seamline.data-dir=" + dataDir,
                "--seamline.delivery.poll=200",
                // the burst comes from one partner as fast as the gateway takes it, not at a partner's agreed rate
                "--seamline.api.rate-limit.per-second=10000",
                "--seamline.api.rate-limit.burst=10000",
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("gateway-" + name + ".log").toFile())
                .start();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the gateway stopped: "
                                + Files.readString(dataDir.resolve("gateway-" + name + ".log")));
                    }
                    return healthy(port);
                });
        return process;
    }

    private boolean healthy(int port) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs interchange {@code n}; true on 202, false when the gateway is gone. */
    private boolean send(int port, int n) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/edi"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/edi-x12")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("acme:acme".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(acknowledgement(n)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new AssertionError(
                        "interchange " + n + " answered " + response.statusCode() + ": " + response.body());
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * An interchange of three 855s accepting the lines of the demo PO 4500012345 as ordered (three events, so
     * processing has more to do than intake); the control number makes each interchange distinct.
     */
    private static String acknowledgement(int n) {
        String control = String.format("%09d", n);
        String date = LocalDate.now(ZoneOffset.UTC).plusDays(10).format(DateTimeFormatter.BASIC_ISO_DATE);
        var edi = new StringBuilder(
                        "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261122*0930*U*00401*")
                .append(control)
                .append("*0*P*>~\nGS*PR*ACMESUPPLY*SEAMLINEBUYER*20261122*0930*")
                .append(n)
                .append("*X*004010~\n");
        String[][] lines = {
            {"1", "500", "2.50", "WID-100", "AC-W100"},
            {"2", "120", "14.00", "WID-200", "AC-W200"},
            {"3", "40", "87.25", "BRK-310", "AC-B310"}
        };
        for (int set = 0; set < SETS; set++) {
            String[] line = lines[set];
            edi.append("ST*855*000")
                    .append(set + 1)
                    .append("~\nBAK*00*AC*4500012345*20261122~\n")
                    .append("PO1*")
                    .append(line[0])
                    .append("*")
                    .append(line[1])
                    .append("*EA*")
                    .append(line[2])
                    .append("**BP*")
                    .append(line[3])
                    .append("*VP*")
                    .append(line[4])
                    .append("~\n")
                    .append("ACK*IA*")
                    .append(line[1])
                    .append("*EA*068*")
                    .append(date)
                    .append("~\nCTT*1~\n")
                    .append("SE*6*000")
                    .append(set + 1)
                    .append("~\n");
        }
        return edi.append("GE*")
                .append(SETS)
                .append("*")
                .append(n)
                .append("~\nIEA*1*")
                .append(control)
                .append("~\n")
                .toString();
    }

    private Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/seamline", "postgres", "");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Path> acknowledgementFiles() throws IOException {
        try (Stream<Path> files =
                Files.list(dataDir.resolve("sftp").resolve("acme-supply").resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("997-"))
                    .toList();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
