package io.seamline.gateway;

import static io.seamline.gateway.GatewayProcesses.count;
import static io.seamline.gateway.GatewayProcesses.freePort;
import static io.seamline.gateway.GatewayProcesses.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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

    @TempDir
    Path dataDir;

    @Test
    void everyMessageIsProcessedExactlyOnceAcrossAKill() throws Exception {
        Assumptions.assumeTrue(Files.exists(GatewayProcesses.JAR), "the gateway jar is built by the package phase");
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
        try {
            try (Connection db = database()) {
                // kill once enough has come in and a backlog is waiting: archived, not yet processed
                var backlog = new long[1];
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            backlog[0] = count(
                                    db,
                                    "select count(*) from message where direction = 'INBOUND' and status = 'RECEIVED'");
                            return accepted.size() >= KILL_AFTER && backlog[0] >= MIN_IN_FLIGHT;
                        });
                inFlight = backlog[0];
            }
        } finally {
            // also when the test fails before the kill: no gateway is left running (it holds the SFTP port)
            gateway.destroyForcibly().waitFor();
        }
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
                                && count(db, "select count(*) from outbox_open where status = 'PENDING'") == 0);

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
                assertThat(count(db, "select count(*) from event")).isEqualTo((long) MESSAGES * GatewayProcesses.SETS);
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
        var all = new ArrayList<>(List.of("--seamline.data-dir=" + dataDir));
        all.addAll(List.of(settings));
        return GatewayProcesses.start(dataDir, name, port, all);
    }

    private Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/seamline", "postgres", "");
    }

    private List<Path> acknowledgementFiles() throws IOException {
        try (Stream<Path> files =
                Files.list(dataDir.resolve("sftp").resolve("acme-supply").resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("997-"))
                    .toList();
        }
    }
}
