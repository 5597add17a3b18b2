package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an archived inbound message through the flow again, from its bytes. Every step is keyed, so effects that
 * already happened are not repeated; what could not happen before (a PO that has arrived since) happens now.
 */
@Service
public class Reprocessing {

    /** What became of a request to reprocess. */
    public enum Outcome {
        QUEUED,
        NOT_FOUND,
        /** Outbound messages are not processed; inbound ones still RECEIVED are already on their way. */
        NOT_REPROCESSABLE
    }

    private final Messages messages;
    private final InboundQueue queue;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    private final Audit audit;

    public Reprocessing(
            Messages messages, InboundQueue queue, Timeline timeline, Audit audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.messages = messages;
        this.queue = queue;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    public Outcome reprocess(MessageId id, String actor) {
        return transactions.execute(tx -> {
            Optional<ArchivedMessage> message = messages.find(id, PartnerScope.everyone());
            if (message.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (message.get().direction() != Direction.INBOUND
                    || !messages.reopen(id, "reprocessing requested by " + actor)) {
                return Outcome.NOT_REPROCESSABLE;
            }
            timeline.note(
                    new Subject(Subject.MESSAGE, id.toString()),
                    TimelineKind.HUMAN_ACTION,
                    actor + " asked to reprocess the message (it was "
                            + message.get().status() + ")",
                    actor,
                    Map.of("previousStatus", message.get().status().name()),
                    id,
                    null);
            audit.record(
                    actor,
                    AuditKind.MESSAGE_REPROCESSED,
                    message.get().partnerId(),
                    "message/" + id,
                    Map.of("status", message.get().status().name()),
                    Map.of("status", "RECEIVED"),
                    null);
            queue.submit(id);
            return Outcome.QUEUED;
        });
    }
}
