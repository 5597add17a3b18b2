package io.seamline.adapters.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the embedded binaries, keeping its cluster in {@code <dataDir>/postgres} across
 * restarts. The embedded library starts servers with fsync and synchronous commit off (fine for throwaway test
 * databases, not for a gateway that has acknowledged a partner's message); this server turns both back on.
 *
 * <p>A gateway killed with SIGKILL leaves its postmaster running; the next start stops that orphan before starting
 * its own, and refuses to start while another live gateway holds the same data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** Starts (and on first use initialises) the cluster and makes sure {@code database} exists. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Duration startupWait, String database) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(directory);
            refuseIfInUse(directory);
            stopOrphanedPostmaster(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(startupWait)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // full-page images are most of the WAL (BENCHMARKS: "WAL compression"); these binaries have pglz
                    .setServerConfig("wal_compression", "pglz")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            var server = new EmbeddedPostgresServer(postgres, directory);
            server.createDatabaseIfMissing(database);
            log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), directory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public DataSource database(String database) {
        return postgres.getDatabase(user(), database);
    }

    private void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static void refuseIfInUse(Path directory) throws IOException {
        Path lock = directory.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            if (held == null) {
                throw new IllegalStateException(
                        "another Seamline process is using " + directory + "; stop it or set seamline.data-dir");
            }
        } catch (OverlappingFileLockException inThisJvm) {
            throw new IllegalStateException("the embedded PostgreSQL in " + directory + " is already running");
        }
    }

    /** A postmaster whose gateway died without stopping it; stopped with a fast shutdown, then waited for. */
    private static void stopOrphanedPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn(
                "Stopping PostgreSQL {} left running by a gateway that did not shut down",
                postmaster.get().pid());
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the orphaned PostgreSQL " + postmaster.get().pid() + " did not stop", e);
        }
    }
}
