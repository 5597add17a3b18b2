package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With {@code spring.datasource.*} set, the gateway uses that PostgreSQL and starts no embedded one. */
class ExternalPostgresIT {

    @TempDir
    Path externalDir;

    @TempDir
    Path gatewayDataDir;

    @Test
    void runsOnTheConfiguredDatabaseInstead() {
        try (var external = EmbeddedPostgresServer.start(externalDir, 0, Duration.ofSeconds(60), "erpdb")) {
            try (var gateway = new SpringApplicationBuilder(Seamline.class)
                    .profiles("demo")
                    .run(
                            "--server.port=0",
                            "--seamline.data-dir=" + gatewayDataDir,
                            "--spring.datasource.url=" + external.jdbcUrl("erpdb"),
                            "--spring.datasource.username=" + external.user())) {
                assertThat(gateway.getBeanNamesForType(EmbeddedPostgresServer.class))
                        .isEmpty();
            }
            long partners = JdbcClient.create(external.database("erpdb"))
                    .sql("select count(*) from partner")
                    .query(Long.class)
                    .single();
            assertThat(partners).isEqualTo(6);
            assertThat(Files.exists(gatewayDataDir.resolve("postgres"))).isFalse();
        }
    }
}
