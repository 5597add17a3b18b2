package io.seamline.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The docker-compose topology's data path on real containers — PostgreSQL 18 and Apache Kafka in KRaft mode, the
 * images docker-compose.yml runs — with two gateway nodes sharing them: every message processed once, none lost.
 * Skipped where no Docker engine runs; {@link KafkaBusIT} covers the same behaviour on embedded infrastructure.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeTopologyIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:18")
            .withDatabaseName("seamline")
            .withUsername("seamline")
            .withPassword("seamline");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @TempDir
    Path dir;

    @Test
    void twoNodesOnTheComposeInfrastructureProcessEachMessageOnce() {
        try (var a = node("a");
                var b = node("b")) {
            var db = JdbcClient.create(
                    new DriverManagerDataSource(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword()));
            var cluster = new BusCluster(db, a);

            Set<String> accepted = cluster.send("TC", 100, List.of(a, b));

            cluster.awaitProcessed(accepted);
            cluster.assertExactlyOnce(accepted);
        }
    }

    private org.springframework.context.ConfigurableApplicationContext node(String name) {
        return BusCluster.node(
                dir.resolve(name),
                POSTGRES.getJdbcUrl(),
                POSTGRES.getUsername(),
                POSTGRES.getPassword(),
                KAFKA.getBootstrapServers());
    }
}
