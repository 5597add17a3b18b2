package io.seamline.routes.deliver;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.adapters.delivery.Drain;
import io.seamline.adapters.delivery.FolderDrop;
import io.seamline.adapters.delivery.HttpPost;
import io.seamline.adapters.delivery.MailSender;
import io.seamline.adapters.delivery.PartnerTargets;
import io.seamline.adapters.delivery.Transfer;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what is due in the outbox: each delivery is claimed (locked) in a transaction, transferred, and marked
 * DELIVERED, or retried later with a growing backoff, or FAILED for good with a DELIVERY_FAILED task for a person.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Outbox outbox;
    private final Messages messages;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final FolderDrop folders;
    private final HttpPost http;
    private final MailSender mails;
    private final PartnersServer as2;
    private final PartnersServer sftp;
    private final DeliverySettings settings;
    private final PartnerTargets targets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Deliveries(
            Outbox outbox,
            Messages messages,
            TaskOpening taskOpening,
            Timeline timeline,
            FolderDrop folders,
            HttpPost http,
            MailSender mails,
            @Qualifier("as2Sender") PartnersServer as2,
            @Qualifier("sftpPush") PartnersServer sftp,
            DeliverySettings settings,
            PartnerTargets targets,
            TransactionTemplate transactions,
            Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.folders = folders;
        this.http = http;
        this.mails = mails;
        this.as2 = as2;
        this.sftp = sftp;
        this.settings = settings;
        this.targets = targets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Delivers batch after batch while each comes back full ({@link Drain}); returns how many were attempted. */
    public int deliverAllDue() {
        return Drain.whileFull(settings.batch(), this::deliverDue);
    }

    /** Delivers up to one batch of due deliveries; returns how many were attempted. */
    private int deliverDue() {
        Integer attempted = transactions.execute(tx -> {
            // the batch with the documents its deliveries hold, then its messages, in one read each; what went
            // through is recorded for all of them when it commits
            Outbox.Due due = outbox.claimDue(clock.instant(), settings.batch());
            Map<MessageId, Messages.Stored> held = due.held();
            Map<MessageId, Messages.Stored> stored = messages.withContent(due.deliveries().stream()
                    .map(OutboundDelivery::messageId)
                    .filter(id -> !held.containsKey(id))
                    .distinct()
                    .toList());
            due.deliveries().forEach(delivery -> {
                Messages.Stored document = held.get(delivery.messageId());
                attempt(delivery, document != null ? document : stored.get(delivery.messageId()), document != null);
            });
            return due.deliveries().size();
        });
        return attempted == null ? 0 : attempted;
    }

    /** One attempt; {@code held}: the delivery holds its document, which has no message row to record it in. */
    private void attempt(OutboundDelivery delivery, Messages.Stored stored, boolean held) {
        if (stored == null) {
            throw new IllegalStateException("outbox entry without message " + delivery.messageId());
        }
        ArchivedMessage message = stored.message();
        byte[] content = stored.content();
        Transfer transfer = new Transfer(
                delivery.target(),
                message.fileName() == null ? message.id() + ".dat" : message.fileName(),
                message.mediaType(),
                content,
                message.id().toString());
        Instant now = clock.instant();
        try {
            if (delivery.partnerId() != null) {
                // a partner's address is checked again right before each attempt: a name may resolve elsewhere now
                Optional<String> refused = targets.refusal(delivery.channel(), delivery.target());
                if (refused.isPresent()) {
                    throw new TransferFailed("target refused: " + refused.get(), true);
                }
            }
            switch (delivery.channel()) {
                case FILE -> folders.send(transfer);
                case SFTP -> {
                    if (delivery.target() != null && delivery.target().startsWith("sftp://")) {
                        sftp.send(delivery, message, transfer);
                    } else {
                        // the partner picks it up from its folder on our SFTP server
                        folders.send(transfer);
                    }
                }
                case AS2 -> {
                    if (isUrl(delivery.target())) {
                        as2.send(delivery, message, transfer);
                    } else {
                        // another AS2 server takes our files from the partner's outbox folder
                        folders.send(transfer);
                    }
                }
                case HTTP, WEBHOOK -> http.send(transfer);
                case PORTAL -> {
                    // nothing to transfer: the partner reads it in the portal or through the API
                }
                case EMAIL -> mails.send(transfer);
            }
            // its outbox row records it, and is its timeline entry (Timelines): no row of the timeline repeats it
            outbox.delivered(delivery.id(), now);
        } catch (TransferFailed failure) {
            fail(delivery, message, held, failure, now, delivery.attempts() + 1);
        }
    }

    private static boolean isUrl(String target) {
        return target != null && (target.startsWith("http://") || target.startsWith("https://"));
    }

    /**
     * A delivery that went through but was refused afterwards (an asynchronous AS2 MDN with an error): the message
     * fails for good, with a task for a person, as if the transfer itself had failed.
     */
    public void refusedLater(ArchivedMessage message, String reason) {
        transactions.executeWithoutResult(tx -> outbox.forMessage(message.id()).stream()
                .findFirst()
                .ifPresent(delivery -> fail(
                        delivery,
                        message,
                        false,
                        new TransferFailed(reason, true),
                        clock.instant(),
                        delivery.attempts())));
    }

    private void fail(
            OutboundDelivery delivery,
            ArchivedMessage message,
            boolean held,
            TransferFailed failure,
            Instant now,
            int attempts) {
        if (failure.permanent() || attempts >= settings.maxAttempts()) {
            log.warn(
                    "delivery {} of message {} failed for good: {}", delivery.id(), message.id(), failure.getMessage());
            outbox.attemptFailed(delivery.id(), failure.getMessage(), null);
            if (!held) {
                messages.transition(
                        message.id(),
                        List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED),
                        MessageStatus.FAILED,
                        failure.getMessage(),
                        now);
            }
            record(
                    delivery,
                    message,
                    held,
                    "failed for good after " + attempts + " attempt(s): " + failure.getMessage(),
                    Map.of("attempt", attempts, "error", failure.getMessage()));
            taskOpening.open(
                    new TaskContext.FailedDelivery(
                            delivery.id(), message.id(), delivery.target(), failure.getMessage()),
                    subject(delivery, message),
                    delivery.partnerId(),
                    "Delivery of " + describe(message) + " failed: " + failure.getMessage(),
                    List.of(Map.of("decision", "APPROVE", "effect", "retry the delivery")),
                    null,
                    held ? message.relatedMessageId() : message.id(),
                    "delivery-failed:" + delivery.id());
            return;
        }
        Instant next = now.plus(settings.backoffAfter(attempts));
        outbox.attemptFailed(delivery.id(), failure.getMessage(), next);
        log.info("delivery {} attempt {} failed, next at {}: {}", delivery.id(), attempts, next, failure.getMessage());
    }

    /**
     * A failed delivery's timeline entry, under the message delivered, or for a document its delivery holds, the
     * message that caused it (the document has no message row to name). One that went through needs none: its outbox
     * row is its entry.
     */
    private void record(
            OutboundDelivery delivery, ArchivedMessage message, boolean held, String what, Map<String, Object> extra) {
        var details = new java.util.LinkedHashMap<String, Object>(extra);
        details.put(held ? "documentId" : "messageId", message.id().toString());
        details.put("channel", delivery.channel().name());
        details.put("target", delivery.target());
        TimelineKind kind = message.channel() == Channel.ERP ? TimelineKind.ERP_WRITEBACK : TimelineKind.DELIVERY;
        String summary = (message.channel() == Channel.ERP ? "ERP write-back " : "") + describe(message) + " " + what;
        String step = "delivery:" + delivery.id() + ":failed";
        if (held) {
            timeline.note(
                    subject(delivery, message),
                    kind,
                    summary,
                    Timeline.SYSTEM,
                    details,
                    message.relatedMessageId(),
                    step);
        } else if (message.channel() == Channel.ERP) {
            timeline.note(subject(delivery, message), kind, summary, Timeline.SYSTEM, details, message.id(), step);
        } else {
            timeline.remember(subject(delivery, message), kind, summary, Timeline.SYSTEM, details, message.id(), step);
        }
    }

    private static Subject subject(OutboundDelivery delivery, ArchivedMessage message) {
        return delivery.subject() != null
                ? Subject.parse(delivery.subject())
                : new Subject(Subject.MESSAGE, message.id().toString());
    }

    private static String describe(ArchivedMessage message) {
        String control = message.controlNumbers().interchange();
        return (message.documentType() == null ? "message" : message.documentType())
                + (control == null ? "" : " " + control);
    }
}
