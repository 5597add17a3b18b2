package io.seamline.gateway;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The packaged gateway as a process of its own, for the tests that kill one: started and awaited healthy, fed
 * interchanges over HTTP as acme-supply, and counted in the database afterwards.
 */
final class GatewayProcesses {

    static final Path JAR = Path.of("target", "seamline.jar");

    /** Sets of each interchange {@link #acknowledgement} builds: events per processed interchange. */
    static final int SETS = 3;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayProcesses() {}

    /** Starts the jar on {@code port} with {@code settings}, its output in {@code logs/gateway-<name>.log}. */
    static Process start(Path logs, String name, int port, List<String> settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--seamline.delivery.poll=200",
                // a burst comes from one partner as fast as the gateway takes it, not at a partner's agreed rate
                "--seamline.api.rate-limit.per-second=10000",
                "--seamline.api.rate-limit.burst=10000",
                "--spring.main.banner-mode=off"));
        command.addAll(settings);
        Path log = logs.resolve("gateway-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the gateway stopped: " + Files.readString(log));
                        }
                        return healthy(port);
                    });
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }

    private static boolean healthy(int port) {
        try {
            var response = HTTP.send(
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
    static boolean send(int port, int n) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/edi"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/edi-x12")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("acme:acme".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(acknowledgement(n)))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
    static String acknowledgement(int n) {
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

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
