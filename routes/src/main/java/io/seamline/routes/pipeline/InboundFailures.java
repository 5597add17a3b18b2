package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.timeline.TimelineKind;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when processing a message throws: its transaction is rolled back, so nothing of it counts. A
 * database that cannot be reached is nobody's fault: the message stays RECEIVED and is taken again when the database
 * is back. A transient database failure (a deadlock, a lock timeout) is tried again a few times; anything else marks
 * the message FAILED with the reason, for an operator to look at and reprocess. The bytes stay archived either way.
 */
@Component
public class InboundFailures {

    private static final Logger log = LoggerFactory.getLogger(InboundFailures.class);

    static final int MAX_ATTEMPTS = 3;

    private final Messages messages;
    private final Timeline timeline;
    private final InboundQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<MessageId, Integer> attempts = new ConcurrentHashMap<>();

    public InboundFailures(
            Messages messages, Timeline timeline, InboundQueue queue, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.timeline = timeline;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void failed(MessageId id, Exception failure) {
        if (unreachable(failure)) {
            // the database went away: nothing of the message counted, and nothing is wrong with it. It stays
            // RECEIVED; the failure goes back to the bus (Kafka reads the record again, the local sweep requeues it)
            log.warn("message {} waits for the database: {}", id, failure.toString());
            throw new DatabaseUnreachable(id, failure);
        }
        if (transient_(failure)) {
            int attempt = attempts.merge(id, 1, Integer::sum);
            if (attempt < MAX_ATTEMPTS) {
                log.info(
                        "message {} hit a transient failure (attempt {}), trying again: {}",
                        id,
                        attempt,
                        failure.toString());
                queue.submit(id);
                return;
            }
        }
        attempts.remove(id);
        log.error("message {} failed", id, failure);
        String reason = describe(failure);
        transactions.executeWithoutResult(tx -> {
            if (messages.transition(
                    id, List.of(MessageStatus.RECEIVED), MessageStatus.FAILED, reason, clock.instant())) {
                timeline.note(
                        new Subject(Subject.MESSAGE, id.toString()),
                        TimelineKind.EVENT,
                        "Processing failed: " + reason,
                        Timeline.SYSTEM,
                        Map.of("error", reason),
                        id,
                        null);
            }
        });
    }

    /** A message that ran through clears its retry count. */
    public void succeeded(MessageId id) {
        attempts.remove(id);
    }

    /** The messages of a batch that ran through clear their retry counts. */
    public void allSucceeded(List<MessageId> batch) {
        batch.forEach(attempts::remove);
    }

    /**
     * A batch threw and was rolled back: nothing of it counted. Its messages are run again one at a time, so one
     * message's failure is that message's alone.
     */
    public void batchFailed(List<MessageId> batch, Exception failure) {
        log.info("a batch of {} messages threw, running them one at a time: {}", batch.size(), failure.toString());
    }

    /** The database could not be reached or went away mid-transaction (connection lost, server shutting down). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    // the commit or rollback itself failed: the connection went away under the transaction
                    || t instanceof TransactionSystemException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A message that could not be processed because the database was unreachable; it is left RECEIVED. */
    public static final class DatabaseUnreachable extends RuntimeException {

        DatabaseUnreachable(MessageId id, Throwable cause) {
            super("message " + id + " left RECEIVED: the database is unreachable", cause);
        }
    }

    private static boolean transient_(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
