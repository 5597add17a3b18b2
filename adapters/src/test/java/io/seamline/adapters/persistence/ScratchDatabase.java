package io.seamline.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of its own on the test server, migrated up to a version, for a test of what the later migrations do with
 * the rows written before them; dropped when closed.
 */
final class ScratchDatabase implements AutoCloseable {

    final HikariDataSource dataSource = new HikariDataSource();
    final JdbcClient jdbc;
    private final TestDatabase server;
    private final String name;

    private ScratchDatabase(TestDatabase server, String version) {
        this.server = server;
        this.name = "upgrade_" + Long.toHexString(System.nanoTime());
        server.jdbc.sql("create database " + name).update();
        dataSource.setJdbcUrl(server.server.jdbcUrl(name));
        dataSource.setUsername(server.server.user());
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).target(version).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    static ScratchDatabase migratedTo(TestDatabase server, String version) {
        return new ScratchDatabase(server, version);
    }

    /** Runs the migrations after the version it was created at. */
    void upgrade() {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @Override
    public void close() {
        dataSource.close();
        server.jdbc.sql("drop database " + name).update();
    }
}
