package io.seamline.gateway;

import static org.awaitility.Awaitility.await;

import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Kafka broker killed (SIGKILL) and started again on its own log while two nodes take and process a burst: the
 * outbox holds what could not be published, the relay publishes it when the broker is back, the consumers read on
 * from their committed offsets, and every interchange is decided once. The broker is Kafka itself (KRaft, the
 * {@code kafka_2.13} server of the test classpath) in a process of its own, so it can be killed and restarted.
 */
class BrokerRestartIT {

    @TempDir
    Path dir;

    @Test
    void theBrokerKilledAndRestartedUnderLoadLosesNothingAndDecidesNothingTwice() throws Exception {
        int port = GatewayProcesses.freePort();
        int controller = GatewayProcesses.freePort();
        Path config = brokerConfig(port, controller);
        format(config);
        Process broker = startBroker(config, "first");
        var postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0, Duration.ofSeconds(60), "seamline");
        String brokers = "localhost:" + port;
        try (var a = BusCluster.node(dir.resolve("a"), postgres.jdbcUrl("seamline"), postgres.user(), "", brokers);
                var b = BusCluster.node(dir.resolve("b"), postgres.jdbcUrl("seamline"), postgres.user(), "", brokers)) {
            var cluster = new BusCluster(JdbcClient.create(postgres.database("seamline")), a);
            var sender = Executors.newSingleThreadExecutor();
            var burst = sender.submit(() -> cluster.sendUntilAccepted("BR", 150, List.of(a, b)));
            try (var held = cluster.holdMidBurst("BR", 150, postgres.database("seamline"))) {
                // the pipeline goes on once the broker is gone
                broker.destroyForcibly().waitFor();
            }
            broker = startBroker(config, "second");
            Set<String> sent = burst.get(3, TimeUnit.MINUTES);
            sender.shutdown();

            cluster.assertEachInterchangeOnce(sent);
        } finally {
            broker.destroyForcibly().waitFor();
            postgres.close();
        }
    }

    private Path brokerConfig(int port, int controller) throws IOException {
        Path config = dir.resolve("kafka.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@localhost:" + controller,
                        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller,
                        "advertised.listeners=PLAINTEXT://localhost:" + port,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + dir.resolve("kafka-log"),
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        ""));
        return config;
    }

    private void format(Path config) throws Exception {
        Process format = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString())
                .redirectOutput(dir.resolve("kafka-format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new AssertionError(
                    "kafka storage format failed: " + Files.readString(dir.resolve("kafka-format.log")));
        }
    }

    private Process startBroker(Path config, String name) throws Exception {
        Path log = dir.resolve("kafka-" + name + ".log");
        Process broker = java("kafka.Kafka", config.toString())
                .redirectOutput(log.toFile())
                .start();
        int port = Integer.parseInt(Files.readAllLines(config).stream()
                .filter(l -> l.startsWith("advertised.listeners="))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*:", ""));
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!broker.isAlive()) {
                        throw new AssertionError("the broker stopped: " + Files.readString(log));
                    }
                    try (var socket = new Socket("localhost", port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return broker;
    }

    /** A JVM on this test's class path (Kafka's server is on it). */
    private static ProcessBuilder java(String main, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<>(
                List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
