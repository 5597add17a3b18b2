package io.seamline.routes.email;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Several nodes poll the same mailboxes; one node at a time reads a mailbox. A poll first takes a PostgreSQL advisory
 * lock named after its route (the same on every node) on a connection of its own, and holds it while it reads the
 * unseen mails, archives them and marks them seen; a node that finds the lock taken skips that poll. A node that dies
 * mid-poll loses its connection and PostgreSQL drops the lock, so the next poll of another node reads what was left
 * unseen. While the database is unreachable nobody polls: a mail stays unseen on the server until it can be archived.
 */
@Component(MailboxTurns.BEAN)
class MailboxTurns implements PollingConsumerPollStrategy {

    /** The bean name mailbox URIs refer to ({@code pollStrategy=#mailboxTurns}). */
    public static final String BEAN = "mailboxTurns";

    /** First half of the advisory lock's key: Seamline's mailbox polls (the second is the route's). */
    private static final int LOCKS = 0x5EA1_0001;

    private static final Logger log = LoggerFactory.getLogger(MailboxTurns.class);

    private final DataSource dataSource;
    private final Map<Consumer, Connection> held = new ConcurrentHashMap<>();

    public MailboxTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "select pg_try_advisory_lock(?, ?)", key(consumer, endpoint))) {
                held.put(consumer, connection);
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            log.warn(
                    "Mailbox {} not polled: its turn could not be taken ({})", key(consumer, endpoint), e.getMessage());
            closeQuietly(connection);
            return false;
        }
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        release(consumer, endpoint);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        release(consumer, endpoint);
        log.warn("Mailbox poll {} failed: {}", key(consumer, endpoint), String.valueOf(cause));
        return false;
    }

    private void release(Consumer consumer, Endpoint endpoint) {
        Connection connection = held.remove(consumer);
        if (connection == null) {
            return;
        }
        try {
            call(connection, "select pg_advisory_unlock(?, ?)", key(consumer, endpoint));
        } catch (SQLException e) {
            // the session ends below, and the lock with it
            log.debug("Mailbox {}: unlock failed ({})", key(consumer, endpoint), e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    /** The route id: the same on every node for the same mailbox (the endpoint's URI carries its password). */
    private static String key(Consumer consumer, Endpoint endpoint) {
        return consumer instanceof RouteIdAware r && r.getRouteId() != null
                ? r.getRouteId()
                : endpoint.getEndpointBaseUri();
    }

    private static boolean call(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCKS);
            statement.setInt(2, key.hashCode());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a mailbox lock's connection failed", e);
        }
    }
}
