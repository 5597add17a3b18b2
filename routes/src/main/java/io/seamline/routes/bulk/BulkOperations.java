package io.seamline.routes.bulk;

import io.seamline.adapters.persistence.ControlSequences;
import io.seamline.adapters.persistence.Jobs;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.edi.outbound.ControlNumberSource;
import io.seamline.mappings.edi.outbound.Envelopes;
import io.seamline.mappings.edi.outbound.Renumbering;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.retention.BulkFilter;
import io.seamline.model.retention.Job;
import io.seamline.routes.pipeline.Reprocessing;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reprocess inbound messages, resend outbound documents, retry failed deliveries — all that a filter selects: a dry
 * run says how many and which; a run is a job in the background (one at a time per node), item by item, with
 * progress, cancellable between items, audited when it starts and when it is cancelled.
 */
@Service
public class BulkOperations {

    private static final Logger LOG = LoggerFactory.getLogger(BulkOperations.class);

    /** The most a job takes; a larger selection is refused, to be narrowed. */
    public static final int MAX_ITEMS = 10_000;

    private static final long MAX_CONTROL = 999_999_999L;

    private final Jobs jobs;
    private final Messages messages;
    private final Outbox outbox;
    private final Partners partners;
    private final ControlSequences sequences;
    private final Reprocessing reprocessing;
    private final TransactionTemplate transactions;
    private final Audit audit;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "seamline-bulk");
        thread.setDaemon(true);
        return thread;
    });

    public BulkOperations(
            Jobs jobs,
            Messages messages,
            Outbox outbox,
            Partners partners,
            ControlSequences sequences,
            Reprocessing reprocessing,
            TransactionTemplate transactions,
            Audit audit,
            Clock clock) {
        this.jobs = jobs;
        this.messages = messages;
        this.outbox = outbox;
        this.partners = partners;
        this.sequences = sequences;
        this.reprocessing = reprocessing;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A bulk request: what to do, to what, and for a resend whether with a new control number. */
    public record Request(Job.Kind kind, BulkFilter filter, boolean newControlNumber) {}

    /** What a dry run found: how many, and the first ids. */
    public record Selection(int count, List<UUID> sample, boolean tooMany) {}

    public Selection dryRun(Request request) {
        List<UUID> ids = select(request);
        return new Selection(
                Math.min(ids.size(), MAX_ITEMS), ids.stream().limit(20).toList(), ids.size() > MAX_ITEMS);
    }

    /** Starts the job; empty when the selection is larger than {@link #MAX_ITEMS}. */
    public Optional<Job> start(Request request, Map<String, Object> filterAsGiven, String actor) {
        List<UUID> ids = select(request);
        if (ids.size() > MAX_ITEMS) {
            return Optional.empty();
        }
        Map<String, Object> options =
                request.kind() == Job.Kind.RESEND ? Map.of("newControlNumber", request.newControlNumber()) : Map.of();
        Job job = jobs.start(request.kind(), filterAsGiven, options, ids.size(), actor, clock.instant());
        var details = new LinkedHashMap<String, Object>();
        details.put("job", job.id().toString());
        details.put("kind", request.kind().name());
        details.put("filter", filterAsGiven);
        details.put("options", options);
        details.put("items", ids.size());
        audit.record(actor, AuditKind.BULK_STARTED, null, "job/" + job.id(), null, details, null);
        executor.submit(() -> run(job.id(), request, ids, actor));
        return Optional.of(job);
    }

    public Optional<Job> find(UUID id) {
        return jobs.find(id);
    }

    public List<Job> recent() {
        return jobs.recent(50);
    }

    public boolean cancel(UUID id, String actor) {
        boolean requested = jobs.requestCancel(id);
        if (requested) {
            audit.record(actor, AuditKind.BULK_CANCELLED, null, "job/" + id, null, Map.of("job", id.toString()), null);
        }
        return requested;
    }

    private List<UUID> select(Request request) {
        return switch (request.kind()) {
            case REPROCESS -> jobs.select(request.filter(), "INBOUND", false, MAX_ITEMS + 1);
            case RESEND -> jobs.select(request.filter(), "OUTBOUND", false, MAX_ITEMS + 1);
            case RETRY -> jobs.select(request.filter(), "OUTBOUND", true, MAX_ITEMS + 1);
        };
    }

    private void run(UUID job, Request request, List<UUID> ids, String actor) {
        try {
            for (UUID id : ids) {
                if (jobs.cancelRequested(job)) {
                    jobs.finish(job, Job.Status.CANCELLED, clock.instant());
                    return;
                }
                String problem;
                try {
                    problem = switch (request.kind()) {
                        case REPROCESS -> reprocess(MessageId.parse(id.toString()), actor);
                        case RESEND -> resend(MessageId.parse(id.toString()), request.newControlNumber(), job);
                        case RETRY -> retry(id);
                    };
                } catch (RuntimeException e) {
                    problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                jobs.progress(job, problem == null, problem == null ? null : id + ": " + problem);
            }
            jobs.finish(job, Job.Status.DONE, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Bulk job {} failed", job, e);
            jobs.finish(job, Job.Status.FAILED, clock.instant());
        }
    }

    private String reprocess(MessageId id, String actor) {
        Reprocessing.Outcome outcome = reprocessing.reprocess(id, actor);
        return outcome == Reprocessing.Outcome.QUEUED
                ? null
                : outcome.name().toLowerCase().replace('_', ' ');
    }

    /**
     * Sends an outbound document again over the partner's channel of its last delivery, at the address the partner
     * has now: the same bytes (its control number), or a copy with a new interchange control number, archived as a
     * message of its own that answers the first.
     */
    private String resend(MessageId id, boolean newControl, UUID job) {
        return transactions.execute(tx -> {
            List<OutboundDelivery> deliveries = outbox.forMessage(id);
            if (deliveries.isEmpty()) {
                return "never delivered: nothing says where to";
            }
            OutboundDelivery last = deliveries.get(deliveries.size() - 1);
            Messages.Stored held = outbox.held(List.of(last)).get(id);
            if (held != null) {
                return resendHeld(held, last, newControl, job);
            }
            Messages.Stored stored = messages.withContent(id).orElseThrow();
            ArchivedMessage sent = stored.message();
            if (newControl) {
                long control = sequences.next(sent.partnerId(), ControlNumberSource.INTERCHANGE, MAX_CONTROL);
                Optional<byte[]> renumbered = Renumbering.interchange(stored.content(), control);
                if (renumbered.isEmpty()) {
                    return "not an interchange of ours: it cannot take a new control number";
                }
                sent = messages.archiveOnce(
                        new IncomingMessage(
                                sent.direction(),
                                sent.channel(),
                                sent.transport(),
                                sent.format(),
                                sent.partnerId(),
                                renumbered.get(),
                                sent.mediaType(),
                                sent.fileName()),
                        clock.instant(),
                        "resend:" + job + ":" + id,
                        sent.documentType(),
                        ControlNumbers.interchange(
                                sent.format() == MessageFormat.X12 ? Envelopes.isa13(control) : Long.toString(control)),
                        id);
            }
            outbox.enqueue(new OutboundDelivery(
                    UUID.randomUUID(),
                    sent.id(),
                    last.partnerId(),
                    last.channel(),
                    currentTarget(last),
                    DeliveryStatus.PENDING,
                    0,
                    clock.instant(),
                    null,
                    clock.instant(),
                    null,
                    last.subject()));
            return null;
        });
    }

    /**
     * A document its delivery holds (an ERP write-back) goes again as it was, by a delivery of its own holding the same
     * bytes, to where its last delivery went (the ERP has no address in a partner's profile); it has no control number
     * to renew.
     */
    private String resendHeld(Messages.Stored held, OutboundDelivery last, boolean newControl, UUID job) {
        if (newControl) {
            return "not an interchange of ours: it cannot take a new control number";
        }
        ArchivedMessage document = held.message();
        outbox.hold(
                new OutboundDelivery(
                        UUID.randomUUID(),
                        document.id(),
                        last.partnerId(),
                        last.channel(),
                        last.target(),
                        DeliveryStatus.PENDING,
                        0,
                        clock.instant(),
                        null,
                        clock.instant(),
                        null,
                        last.subject()),
                new HeldDocument(
                        document.mediaType(),
                        document.fileName(),
                        document.documentType(),
                        document.relatedMessageId()),
                held.content(),
                "resend:" + job + ":" + document.id());
        return null;
    }

    private String retry(UUID delivery) {
        return transactions.execute(tx -> {
            OutboundDelivery failed = outbox.find(delivery).orElse(null);
            if (failed == null || failed.status() != DeliveryStatus.FAILED) {
                return "no longer failed";
            }
            return outbox.retryTo(delivery, currentTarget(failed), clock.instant()) ? null : "no longer failed";
        });
    }

    /**
     * The partner's address for the delivery's channel as it is now (fixed since?), else the one it had; a mail keeps
     * its recipient (a reply goes to whoever wrote).
     */
    private String currentTarget(OutboundDelivery delivery) {
        if (delivery.partnerId() == null || delivery.channel() == io.seamline.model.partner.ChannelKind.EMAIL) {
            return delivery.target();
        }
        return partners.find(delivery.partnerId())
                .map(Partner::channels)
                .flatMap(channels -> channels.stream()
                        .filter(c ->
                                c.kind() == delivery.channel() && !c.address().isBlank())
                        .map(ChannelProfile::address)
                        .findFirst())
                .orElse(delivery.target());
    }
}
