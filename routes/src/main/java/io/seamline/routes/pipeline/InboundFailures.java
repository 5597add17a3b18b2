package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.timeline.Memory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when processing a message throws: its transaction is rolled back, so nothing of it counts. A
 * transient database failure (a deadlock, a lock timeout) is tried again a few times; anything else marks the
 * message FAILED with the reason, for an operator to look at and reprocess. The bytes stay archived either way.
 */
@Component
public class InboundFailures {

    private static final Logger log = LoggerFactory.getLogger(InboundFailures.class);

    static final int MAX_ATTEMPTS = 3;

    private final Messages messages;
    private final Memory memory;
    private final InboundQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<MessageId, Integer> attempts = new ConcurrentHashMap<>();

    public InboundFailures(
            Messages messages, Memory memory, InboundQueue queue, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.memory = memory;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void failed(MessageId id, Exception failure) {
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
                memory.note(
                        new Subject(Subject.MESSAGE, id.toString()),
                        TimelineKind.EVENT,
                        "Processing failed: " + reason,
                        Memory.SYSTEM,
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
