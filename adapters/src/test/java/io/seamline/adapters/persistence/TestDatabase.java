package io.seamline.adapters.persistence;

import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One real PostgreSQL (the embedded server the gateway runs on) per test JVM, migrated by the gateway's own Flyway
 * scripts; each test starts from empty tables.
 */
final class TestDatabase {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static TestDatabase instance;

    final EmbeddedPostgresServer server;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final io.seamline.adapters.blobs.BlobStore blobs;

    private TestDatabase(EmbeddedPostgresServer server, Path dir) {
        this.server = server;
        this.blobs = new io.seamline.adapters.blobs.FileBlobStore(dir.resolve("blobs"));
        var pooled = new com.zaxxer.hikari.HikariDataSource();
        pooled.setJdbcUrl(server.jdbcUrl("seamline"));
        pooled.setUsername(server.user());
        pooled.setMaximumPoolSize(5);
        this.dataSource = pooled;
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("seamline-adapters-it");
                instance =
                        new TestDatabase(EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60), "seamline"), dir);
                Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * A connection of its own, as a pipeline's batch has one: pgjdbc prepares a statement on it after five runs, so a
     * test sees in {@code pg_prepared_statements} whether PostgreSQL reuses a plan. Close it after.
     */
    OneConnection oneConnection() {
        var connection = new SingleConnectionDataSource(server.jdbcUrl("seamline"), server.user(), "", true);
        return new OneConnection(
                connection,
                JdbcClient.create(connection),
                new TransactionTemplate(new DataSourceTransactionManager(connection)));
    }

    record OneConnection(SingleConnectionDataSource source, JdbcClient jdbc, TransactionTemplate transactions)
            implements AutoCloseable {

        @Override
        public void close() {
            source.destroy();
        }
    }

    /** Empties every table, keeping the schema. */
    TestDatabase clean() {
        jdbc.sql(
                        """
                        truncate partner, partner_identifier, purchase_order, purchase_order_line, shipment,
                            shipment_purchase_order, message, event, timeline_entry, task, sla_expectation, outbox,
                            control_sequence, bus_outbox, bus_parked, message_waiting, outbox_open, outbox_delivered, inbound_interchange
                            cascade
                        """)
                .update();
        return this;
    }
}
