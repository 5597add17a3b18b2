package io.seamline.adapters.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void runsDurablyWithFsyncAndSynchronousCommitOn() {
        try (var server = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline")) {
            var jdbc = JdbcClient.create(server.database("seamline"));

            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("show full_page_writes").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("show server_version").query(String.class).single())
                    .startsWith("18.");
        }
    }

    @Test
    void keepsItsDataAcrossRestarts() {
        try (var server = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline")) {
            var jdbc = JdbcClient.create(server.database("seamline"));
            jdbc.sql("create table kept (v text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }
        try (var server = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline")) {
            var jdbc = JdbcClient.create(server.database("seamline"));
            assertThat(jdbc.sql("select v from kept").query(String.class).single())
                    .isEqualTo("still here");
            assertThat(server.directory()).isEqualTo(dataDir.toAbsolutePath().resolve("postgres"));
        }
    }

    @Test
    void stopsAPostmasterOrphanedByAKilledGatewayBeforeStarting() throws Exception {
        var first = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline");
        JdbcClient.create(first.database("seamline"))
                .sql("create table survived (v int)")
                .update();
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        releaseLockAsIfTheJvmHadDied(first);

        try (var second = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline")) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(JdbcClient.create(second.database("seamline"))
                            .sql("select count(*) from survived")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void refusesADataDirectoryAnotherRunningServerHolds() {
        try (var running = EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline")) {
            assertThat(running.port()).isPositive();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, Duration.ofSeconds(60), "seamline"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        }
    }

    /** SIGKILL frees the JVM's file lock but leaves the postmaster up; this does the same without killing us. */
    private static void releaseLockAsIfTheJvmHadDied(EmbeddedPostgresServer server) throws Exception {
        var postgresField = EmbeddedPostgresServer.class.getDeclaredField("postgres");
        postgresField.setAccessible(true);
        Object postgres = postgresField.get(server);
        var lockField = postgres.getClass().getDeclaredField("lock");
        lockField.setAccessible(true);
        ((java.nio.channels.FileLock) lockField.get(postgres)).release();
        var streamField = postgres.getClass().getDeclaredField("lockStream");
        streamField.setAccessible(true);
        ((java.io.FileOutputStream) streamField.get(postgres)).close();
    }
}
