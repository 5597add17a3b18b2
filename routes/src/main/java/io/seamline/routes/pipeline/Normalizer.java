package io.seamline.routes.pipeline;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.InboundInterchanges;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.lifecycle.Traffic;
import io.seamline.coordination.steps.Claimed;
import io.seamline.coordination.steps.InterchangeOutcome;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Work;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.edi.EdiListener;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetResult;
import io.seamline.mappings.edi.SetStatus;
import io.seamline.mappings.edi.Unreadable;
import io.seamline.mappings.einvoice.EInvoices;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.mappings.json.CommitmentJson;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reads a claimed message into canonical events. EDI goes through the engine: each interchange's sender is
 * identified, its events count only when the interchange is sound and not a duplicate (same sender and control
 * number as an earlier one). Mails are read by the channel's {@link MessageReader}. JSON documents from the API are parsed by their
 * document type. Every event is stored
 * (with an id derived from the message, so a second run stores nothing new); its workflow is recorded when the
 * message completes.
 */
@Service
public class Normalizer {

    /** Document type of a commitment posted to the API. */
    public static final String API_COMMITMENT = "po.commitment.updated";

    private final EdiEngine engine;
    private final PartnerMappings mappings;
    private final Partners partners;
    private final InboundInterchanges interchanges;
    private final Messages messages;
    private final Events events;
    private final Lifecycle lifecycle;
    private final List<MessageReader> readers;

    public Normalizer(
            EdiEngine engine,
            PartnerMappings mappings,
            Partners partners,
            InboundInterchanges interchanges,
            Messages messages,
            Events events,
            Lifecycle lifecycle,
            List<MessageReader> readers) {
        this.engine = engine;
        this.mappings = mappings;
        this.partners = partners;
        this.interchanges = interchanges;
        this.messages = messages;
        this.events = events;
        this.lifecycle = lifecycle;
        this.readers = List.copyOf(readers);
    }

    public Normalized normalize(Claimed claimed) {
        ArchivedMessage message = claimed.message();
        Normalized normalized;
        if (message.format() == MessageFormat.X12 || message.format() == MessageFormat.EDIFACT) {
            normalized = edi(claimed);
        } else if (readers.stream().anyMatch(r -> r.reads(message))) {
            normalized = readers.stream()
                    .filter(r -> r.reads(message))
                    .findFirst()
                    .orElseThrow()
                    .read(claimed);
        } else if (message.format() == MessageFormat.JSON && API_COMMITMENT.equals(message.documentType())) {
            normalized = commitment(claimed);
        } else if (message.format() == MessageFormat.JSON
                && ApiDocuments.ofDocumentType(message.documentType()).isPresent()) {
            ApiDocuments kind =
                    ApiDocuments.ofDocumentType(message.documentType()).get();
            normalized = document(claimed, kind.documentType(), kind::parse);
        } else if ((message.format() == MessageFormat.XML || message.format() == MessageFormat.PDF)
                && Intake.E_INVOICE.equals(message.documentType())) {
            normalized = document(claimed, Intake.E_INVOICE, (content, fromPath) -> EInvoices.read(content)
                    .map(EventData.class::cast));
        } else {
            normalized = rejected(message, "Seamline does not read " + message.format() + " messages on this channel");
        }
        if (!(message.format() == MessageFormat.X12 || message.format() == MessageFormat.EDIFACT)) {
            normalized = byLifecycle(normalized);
        }
        for (Work work : normalized.work()) {
            if (!work.test()) {
                // a test event is kept with what it would have done, not among production's events
                events.append(work.event());
            }
        }
        return normalized;
    }

    /**
     * Each event of a document that is not EDI (mail, API, portal) is production, test or refused as its partner's
     * lifecycle says for its document type, and as the message was marked (a test call, the portal's test mode).
     */
    private Normalized byLifecycle(Normalized normalized) {
        var kept = new ArrayList<Work>();
        var refused = new ArrayList<String>();
        for (Work work : normalized.work()) {
            Traffic traffic = lifecycle.traffic(
                    work.partner().id(),
                    Direction.INBOUND,
                    kindOf(work),
                    normalized.message().test());
            if (traffic.refused()) {
                refused.add(traffic.reason());
            } else {
                kept.add(traffic.test() ? work.asTest() : work);
            }
        }
        if (refused.isEmpty()) {
            return new Normalized(
                    normalized.message(),
                    kept,
                    normalized.interchanges(),
                    normalized.status(),
                    normalized.reason(),
                    normalized.mail(),
                    normalized.described(),
                    normalized.acknowledgement());
        }
        String reason = String.join("; ", new java.util.LinkedHashSet<>(refused));
        return new Normalized(
                normalized.message(),
                kept,
                normalized.interchanges(),
                kept.isEmpty() ? MessageStatus.REJECTED : normalized.status(),
                normalized.reason() == null ? reason : normalized.reason() + "; " + reason,
                normalized.mail(),
                normalized.described(),
                normalized.acknowledgement());
    }

    /** The document type a partner's lifecycle knows an event by: a mail's parts are all {@code email}. */
    private static String kindOf(Work work) {
        int colon = work.documentType().indexOf(':');
        return colon < 0 ? work.documentType() : work.documentType().substring(0, colon);
    }

    private Normalized edi(Claimed claimed) {
        var reading = new Reading(claimed.message());
        engine.read(new ByteArrayInputStream(claimed.content()), reading::profile, reading);
        return reading.finish();
    }

    private Normalized commitment(Claimed claimed) {
        ArchivedMessage message = claimed.message();
        Optional<Partner> partner = message.partner().flatMap(partners::find);
        String subject = messages.subjectOf(message.id()).orElse("");
        if (partner.isEmpty() || !subject.startsWith("po/")) {
            return rejected(message, "an API commitment needs its partner and PO");
        }
        Parsed<CommitmentUpdated> parsed = CommitmentJson.parse(claimed.content(), subject.substring(3));
        if (parsed instanceof Parsed.Invalid<CommitmentUpdated> invalid) {
            return rejected(
                    message,
                    invalid.problems().stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        }
        var data = ((Parsed.Valid<CommitmentUpdated>) parsed).value();
        var work = new Work(Work.eventOf(message, partner.get().id(), 0, data), partner.get(), message, API_COMMITMENT);
        return new Normalized(message, List.of(work), List.of(), MessageStatus.PROCESSED, null);
    }

    /** Reads a document's bytes, with what its request's path named ({@code shipmentId}, {@code poNumber}). */
    private interface DocumentParser {
        Parsed<EventData> parse(byte[] content, Map<String, Object> fromPath);
    }

    /**
     * A ship notice, shipment status or invoice posted to the API as canonical JSON, or an e-invoice (UBL, CII,
     * ZUGFeRD / Factur-X) from any channel.
     */
    private Normalized document(Claimed claimed, String documentType, DocumentParser parser) {
        ArchivedMessage message = claimed.message();
        Optional<Partner> partner = message.partner().flatMap(partners::find);
        if (partner.isEmpty()) {
            return rejected(message, "an API document needs its partner");
        }
        String subject = messages.subjectOf(message.id()).orElse("");
        Map<String, Object> fromPath = subject.startsWith("shipment/")
                ? Map.of("shipmentId", subject.substring("shipment/".length()))
                : subject.startsWith("po/")
                        ? Map.of("poNumber", subject.substring("po/".length()))
                        : subject.startsWith("deduction/")
                                ? Map.of("deductionNumber", subject.substring("deduction/".length()))
                                : Map.of();
        Parsed<EventData> parsed = parser.parse(claimed.content(), fromPath);
        if (parsed instanceof Parsed.Invalid<EventData> invalid) {
            return rejected(
                    message,
                    invalid.problems().stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        }
        EventData data = ((Parsed.Valid<EventData>) parsed).value();
        var work = new ArrayList<Work>();
        for (ArchivedMessage file : messages.carriedBy(message.id(), Attached.TRANSPORT)) {
            var filed = filed(file, subject.isEmpty() ? data.subject() : subject);
            work.add(new Work(
                    Work.eventOf(message, partner.get().id(), work.size(), filed),
                    partner.get(),
                    message,
                    documentType + ":document"));
        }
        work.add(new Work(
                Work.eventOf(message, partner.get().id(), work.size(), data), partner.get(), message, documentType));
        return new Normalized(message, work, List.of(), MessageStatus.PROCESSED, null);
    }

    /** A file sent with a document, filed on what the document is about (its shipment or PO). */
    private static DocumentReceived filed(ArchivedMessage file, String subject) {
        var references = new LinkedHashMap<String, String>();
        if (subject != null && subject.startsWith("shipment/")) {
            references.put("shipmentId", subject.substring("shipment/".length()));
        } else if (subject != null && subject.startsWith("po/")) {
            references.put("poNumber", subject.substring("po/".length()));
        }
        references.put("messageId", file.id().toString());
        DocumentReceived.DocumentType type;
        try {
            type = DocumentReceived.DocumentType.valueOf(String.valueOf(file.documentType()));
        } catch (IllegalArgumentException e) {
            type = DocumentReceived.DocumentType.OTHER;
        }
        return new DocumentReceived(type, file.fileName(), file.mediaType(), references);
    }

    private static Normalized rejected(ArchivedMessage message, String reason) {
        return new Normalized(message, List.of(), List.of(), MessageStatus.REJECTED, reason);
    }

    /** Collects one EDI message's interchanges as the engine reads them. */
    private final class Reading implements EdiListener {

        private final ArchivedMessage message;
        private final List<SetResult> sets = new ArrayList<>();
        private final List<InterchangeOutcome> outcomes = new ArrayList<>();
        private final List<Work> work = new ArrayList<>();
        private final LinkedHashSet<String> documentTypes = new LinkedHashSet<>();
        private final List<String> groupControls = new ArrayList<>();
        private final List<String> setControls = new ArrayList<>();
        private Partner sender;
        private EdiProfile profile = EdiProfile.DEFAULT;
        private String problem;
        private Unreadable unreadable;

        Reading(ArchivedMessage message) {
            this.message = message;
        }

        EdiProfile profile(Envelope envelope) {
            Optional<PartnerId> identified = Identification.sender(envelope, partners);
            sender = identified.flatMap(partners::find).orElse(null);
            problem = null;
            if (sender == null) {
                problem = "unknown sender " + Identification.describe(envelope);
            } else if (message.partnerId() != null && !message.partnerId().equals(sender.id())) {
                problem = "the interchange is from " + sender.id() + ", but came through " + message.partnerId()
                        + "'s channel";
                sender = null;
            }
            profile = sender == null
                    ? EdiProfile.DEFAULT
                    : mappings.profileOf(sender.id().value());
            return profile;
        }

        @Override
        public void set(SetResult set) {
            sets.add(set);
            if (set.controlNumber() != null) {
                setControls.add(set.controlNumber());
            }
            if (set.group() != null
                    && set.group().controlNumber() != null
                    && !groupControls.contains(set.group().controlNumber())) {
                groupControls.add(set.group().controlNumber());
            }
        }

        @Override
        public void interchange(InterchangeResult read) {
            InterchangeResult result = read;
            MessageId duplicateOf = null;
            String why = problem;
            boolean marked = message.test()
                    || (result.envelope() != null && result.envelope().test());
            if (sender != null && !result.rejected() && result.envelope() != null) {
                MessageId first = interchanges.register(
                        sender.id(), InboundInterchanges.key(result.envelope().controlNumber(), marked), message.id());
                if (!first.equals(message.id())) {
                    duplicateOf = first;
                    why = "interchange " + result.envelope().controlNumber() + " was received before in message "
                            + first;
                }
            }
            if (sender != null && why == null && !result.rejected()) {
                var refused = new ArrayList<SetResult>();
                var refusals = new LinkedHashSet<String>();
                for (SetResult set : sets) {
                    if (set.status().producesEvents()) {
                        Traffic traffic = lifecycle.traffic(sender.id(), Direction.INBOUND, set.setId(), marked);
                        if (traffic.refused()) {
                            refused.add(set);
                            refusals.add(traffic.reason());
                            continue;
                        }
                        for (EventData data : set.events()) {
                            add(data, set.setId(), traffic.test());
                        }
                    }
                }
                Traffic interchangeTraffic = lifecycle.traffic(sender.id(), Direction.INBOUND, "TA1", marked);
                for (EventData data : result.interchangeEvents()) {
                    add(data, "TA1", interchangeTraffic.test());
                }
                if (!refused.isEmpty()) {
                    String refusal = String.join("; ", refusals);
                    result = result.refusing(
                            ack -> refused.stream()
                                    .anyMatch(r -> r.setId().equals(ack.setId())
                                            && java.util.Objects.equals(r.controlNumber(), ack.controlNumber())),
                            refusal);
                    why = refusal;
                    refused.forEach(r -> documentTypes.add(r.setId()));
                }
            } else if (why == null && result.rejected()) {
                why = "interchange "
                        + (result.envelope() == null ? "?" : result.envelope().controlNumber()) + " rejected: "
                        + result.defects().get(0);
            }
            for (SetResult set : sets) {
                if (set.status() == SetStatus.REJECTED) {
                    documentTypes.add(set.setId());
                }
            }
            outcomes.add(new InterchangeOutcome(sender, result, profile, duplicateOf, why, marked));
            sets.clear();
        }

        private void add(EventData data, String setId, boolean test) {
            documentTypes.add(setId);
            var event = new Work(Work.eventOf(message, sender.id(), work.size(), data), sender, message, setId);
            work.add(test ? event.asTest() : event);
        }

        @Override
        public void unreadable(Unreadable unreadable) {
            this.unreadable = unreadable;
        }

        Normalized finish() {
            PartnerId partner = outcomes.stream()
                    .map(InterchangeOutcome::partner)
                    .filter(p -> p != null)
                    .map(Partner::id)
                    .findFirst()
                    .orElse(null);
            String interchange = outcomes.isEmpty() ? null : outcomes.get(0).controlNumber();
            return outcome()
                    .describedAs(new Normalized.Described(
                            partner,
                            documentTypes.isEmpty() ? null : String.join(",", documentTypes),
                            new ControlNumbers(interchange, groupControls, setControls)));
        }

        private Normalized outcome() {
            if (outcomes.isEmpty()) {
                return rejected(message, unreadable == null ? "no interchange in the message" : unreadable.toString());
            }
            boolean allDuplicates = outcomes.stream().allMatch(InterchangeOutcome::duplicate);
            if (allDuplicates) {
                return new Normalized(
                        message,
                        List.of(),
                        outcomes,
                        MessageStatus.DUPLICATE,
                        outcomes.get(0).problem());
            }
            List<String> problems = outcomes.stream()
                    .map(InterchangeOutcome::problem)
                    .filter(p -> p != null)
                    .toList();
            long rejectedSets = outcomes.stream()
                    .flatMap(o -> o.result().groups().stream())
                    .flatMap(g -> g.sets().stream())
                    .filter(s -> s.status() == SetStatus.REJECTED)
                    .count();
            var reasons = new ArrayList<>(problems);
            if (rejectedSets > 0) {
                reasons.add(rejectedSets + " set(s) rejected");
            }
            if (unreadable != null) {
                reasons.add(unreadable.toString());
            }
            String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
            boolean nothingUsable = work.isEmpty() && (!problems.isEmpty() || rejectedSets > 0);
            return new Normalized(
                    message, work, outcomes, nothingUsable ? MessageStatus.REJECTED : MessageStatus.PROCESSED, reason);
        }
    }
}
