package io.seamline.gateway;

import static io.seamline.gateway.GatewayProcesses.count;
import static io.seamline.gateway.GatewayProcesses.freePort;
import static io.seamline.gateway.GatewayProcesses.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two packaged gateways on the Kafka bus, sharing a PostgreSQL and a KRaft broker, take a burst of interchanges; one
 * is killed with SIGKILL mid-burst. Its partner resends to the other node what it got no 202 for. The survivor takes
 * over the dead node's partitions and its half-done messages: every interchange ends PROCESSED exactly once, with its
 * three events and one 997, counted in the database.
 */
class KafkaNodeKillIT {

    private static final int MESSAGES = 600;
    private static final int KILL_AFTER = 200;
    private static final int SENDERS = 6;
    private static final int MIN_IN_FLIGHT = 10;

    @TempDir
    Path dir;

    @Test
    void theSurvivorFinishesWhatAKilledNodeLeftAndNothingHappensTwice() throws Exception {
        Assumptions.assumeTrue(Files.exists(GatewayProcesses.JAR), "the gateway jar is built by the package phase");
        var broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.afterPropertiesSet();
        var postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0, Duration.ofSeconds(60), "seamline");
        int[] ports = {freePort(), freePort()};
        var nodes = new Process[2];
        try {
            for (int i = 0; i < 2; i++) {
                nodes[i] = GatewayProcesses.start(
                        dir,
                        "node-" + i,
                        ports[i],
                        List.of(
                                "--seamline.data-dir=" + dir.resolve("node-" + i),
                                "--seamline.blobs.dir=" + dir.resolve("shared-blobs"),
                                "--spring.datasource.url=" + postgres.jdbcUrl("seamline"),
                                "--spring.datasource.username=" + postgres.user(),
                                "--seamline.sftp.server.port=0",
                                "--seamline.pipeline.consumers=1",
                                "--seamline.bus.mode=kafka",
                                "--seamline.bus.brokers=" + broker.getBrokersAsString(),
                                "--seamline.bus.partitions=4",
                                "--seamline.bus.consumers=1"));
            }
            var accepted = ConcurrentHashMap.<Integer>newKeySet();
            var senders = new ArrayList<Thread>();
            for (int t = 0; t < SENDERS; t++) {
                int offset = t;
                Thread sender = new Thread(() -> {
                    for (int i = 1 + offset; i <= MESSAGES; i += SENDERS) {
                        // half the partners send to each node; when the first is gone, everything goes to the second
                        int node = nodes[0].isAlive() ? i % 2 : 1;
                        if (send(ports[node], i) || send(ports[1], i)) {
                            accepted.add(i);
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            try (Connection db = database(postgres)) {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> accepted.size() >= KILL_AFTER
                                && count(db, "select count(*) from message where status = 'RECEIVED'")
                                        >= MIN_IN_FLIGHT);
            }
            nodes[0].destroyForcibly().waitFor();
            for (Thread sender : senders) {
                sender.join();
            }
            assertThat(accepted).hasSize(MESSAGES);

            try (Connection db = database(postgres)) {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> count(
                                        db,
                                        "select count(*) from message where direction = 'INBOUND' and status = 'RECEIVED'")
                                == 0);
                assertThat(count(
                                db,
                                "select count(distinct interchange_control) from message"
                                        + " where direction = 'INBOUND' and status = 'PROCESSED'"))
                        .as("interchanges processed")
                        .isEqualTo(MESSAGES);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'INBOUND' and status = 'PROCESSED'"))
                        .as("processed copies")
                        .isEqualTo(MESSAGES);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'INBOUND'"
                                        + " and status not in ('PROCESSED', 'DUPLICATE')"))
                        .as("failed or rejected")
                        .isZero();
                assertThat(count(db, "select count(*) from event"))
                        .as("events")
                        .isEqualTo((long) MESSAGES * GatewayProcesses.SETS);
                assertThat(count(
                                db,
                                "select count(*) from message where direction = 'OUTBOUND' and document_type = '997'"))
                        .as("997s")
                        .isEqualTo(MESSAGES);
            }
        } finally {
            for (Process node : nodes) {
                if (node != null) {
                    node.destroy();
                    node.waitFor();
                }
            }
            postgres.close();
            broker.destroy();
        }
    }

    private static Connection database(EmbeddedPostgresServer postgres) throws java.sql.SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("seamline"), postgres.user(), "");
    }
}
