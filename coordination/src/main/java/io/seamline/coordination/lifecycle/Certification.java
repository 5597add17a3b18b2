package io.seamline.coordination.lifecycle;

import io.seamline.adapters.persistence.CertificationResults;
import io.seamline.adapters.persistence.InboundInterchanges;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.PartnerLifecycles;
import io.seamline.coordination.effects.RecordingEffects.Recorded;
import io.seamline.coordination.steps.InterchangeOutcome;
import io.seamline.coordination.steps.Normalized;
import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.GroupResult;
import io.seamline.mappings.edi.SetAck;
import io.seamline.mappings.edi.SetStatus;
import io.seamline.mappings.edi.Standard;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.NotLiveTraffic;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Grades a partner's test documents against the checklists of their document types: a document that shows a
 * scenario ticks it (with a link to the message and what it would have done); one that shows none, matched nothing or
 * was rejected says why, in words a partner's EDI analyst can act on (the segment, the element, the value, what we
 * expected). The interchange is graded too: sender and receiver recognised, control numbers that increase. A
 * partner's acknowledgement of one of our test documents ticks that document type's {@code acknowledged}.
 */
@Service
public class Certification {

    private final Checklists checklists;
    private final PartnerLifecycles lifecycles;
    private final CertificationResults results;
    private final InboundInterchanges interchanges;
    private final Messages messages;
    private final Clock clock;

    public Certification(
            Checklists checklists,
            PartnerLifecycles lifecycles,
            CertificationResults results,
            InboundInterchanges interchanges,
            Messages messages,
            Clock clock) {
        this.checklists = checklists;
        this.lifecycles = lifecycles;
        this.results = results;
        this.interchanges = interchanges;
        this.messages = messages;
        this.clock = clock;
    }

    /** Grades a test message once it ran: its test events, its interchanges and the sets that were rejected. */
    public void grade(Normalized normalized, Optional<TestRuns.Run> run) {
        MessageId message = normalized.message().id();
        Instant at = clock.instant();
        run.ifPresent(r -> r.entries().forEach(entry -> event(entry, message, at)));
        for (InterchangeOutcome outcome : normalized.interchanges()) {
            if (outcome.partner() != null && !outcome.duplicate()) {
                envelope(outcome, message, at);
                rejectedSets(outcome, message, at);
            }
        }
    }

    private void event(TestRuns.Entry entry, MessageId message, Instant at) {
        Partner partner = entry.work().partner();
        String type = entry.work().documentType();
        List<Recorded> effects = entry.effects().recorded();
        var evidence = new Scenarios.Evidence(entry.work().event().data(), entry.correlation(), effects);
        List<String> scenarios = checklist(partner, Direction.INBOUND, type);
        List<String> shown =
                scenarios.stream().filter(s -> Scenarios.shows(s, evidence)).toList();
        if (!shown.isEmpty()) {
            shown.forEach(s -> results.record(partner.id(), Direction.INBOUND, type, s, message, at, true, null));
        } else {
            String why = why(entry, scenarios);
            scenarios.forEach(s -> results.record(partner.id(), Direction.INBOUND, type, s, message, at, false, why));
        }
        for (Recorded acknowledged : effects) {
            if (acknowledged.effect().equals("message.acknowledged")
                    && Boolean.TRUE.equals(acknowledged.details().get("accepted"))) {
                ours(acknowledged)
                        .ifPresent(ours -> results.record(
                                partner.id(),
                                Direction.OUTBOUND,
                                ours.documentType(),
                                "acknowledged",
                                message,
                                at,
                                true,
                                null));
            }
        }
    }

    private Optional<ArchivedMessage> ours(Recorded acknowledged) {
        try {
            return messages.find(MessageId.parse(acknowledged.subject().key()), PartnerScope.everyone())
                    .filter(m -> m.documentType() != null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a test document ticked nothing: what it matched, or not, and the scenarios still open. */
    private static String why(TestRuns.Entry entry, List<String> scenarios) {
        String type = entry.work().documentType();
        if (entry.correlation() == null) {
            return "the " + type + " was not correlated";
        }
        if (!entry.correlation().matched()) {
            return "the " + type + " matched nothing of yours: "
                    + entry.correlation().unmatched().reason() + " (ask us for a test purchase order to answer)";
        }
        return "the " + type + " on " + entry.correlation().subject() + " shows none of the scenarios "
                + String.join(", ", scenarios);
    }

    private void envelope(InterchangeOutcome outcome, MessageId message, Instant at) {
        if (outcome.result().envelope() == null) {
            return;
        }
        Partner partner = outcome.partner();
        String type = Checklists.ENVELOPE + ":"
                + (outcome.result().envelope().standard() == Standard.X12 ? "X12" : "EDIFACT");
        List<String> scenarios = checklist(partner, Direction.INBOUND, type);
        String control = outcome.controlNumber();
        if (scenarios.contains("sender-and-receiver")) {
            boolean read = !outcome.result().rejected();
            results.record(
                    partner.id(),
                    Direction.INBOUND,
                    type,
                    "sender-and-receiver",
                    message,
                    at,
                    read,
                    read
                            ? null
                            : "interchange " + control + " rejected: "
                                    + describe(outcome.result().defects()));
        }
        if (scenarios.contains("control-numbers-increase")) {
            Optional<String> previous = interchanges.previousControl(partner.id(), message);
            boolean higher = previous.isPresent() && higher(control, previous.get());
            results.record(
                    partner.id(),
                    Direction.INBOUND,
                    type,
                    "control-numbers-increase",
                    message,
                    at,
                    higher,
                    higher
                            ? null
                            : previous.isEmpty()
                                    ? "one interchange so far (" + control + "): send another with a higher control"
                                            + " number"
                                    : "control number " + control + " is not higher than " + previous.get()
                                            + ", the one before it");
        }
    }

    /** A rejected set fails its document type's open scenarios, saying what was wrong where. */
    private void rejectedSets(InterchangeOutcome outcome, MessageId message, Instant at) {
        Partner partner = outcome.partner();
        for (GroupResult group : outcome.result().groups()) {
            for (SetAck set : group.sets()) {
                if (set.status() != SetStatus.REJECTED || set.setId() == null) {
                    continue;
                }
                String why = "the " + set.setId() + " (set " + set.controlNumber() + ") was rejected: "
                        + describe(set.defects());
                for (String scenario : checklist(partner, Direction.INBOUND, set.setId())) {
                    results.record(partner.id(), Direction.INBOUND, set.setId(), scenario, message, at, false, why);
                }
            }
        }
    }

    /** One scenario on a board: passed (by which message, when), and the latest attempt with why it failed. */
    public record ScenarioRow(
            String name,
            boolean passed,
            MessageId messageId,
            Instant at,
            MessageId lastMessageId,
            Instant lastAt,
            String lastDetail) {}

    /** One document type on a board: its state, since when and why, and its checklist. */
    public record DocumentRow(
            String documentType,
            Direction direction,
            LifecycleState state,
            String reason,
            Instant since,
            List<ScenarioRow> scenarios) {

        public boolean complete() {
            return scenarios.stream().allMatch(ScenarioRow::passed);
        }
    }

    /** A partner's certification board: every document type it has a state or a result for, with its checklist. */
    public record Board(
            PartnerId partnerId, LifecycleState state, NotLiveTraffic notLive, List<DocumentRow> documents) {}

    public Board board(Partner partner) {
        var standing = lifecycles.standing(partner.id()).orElseThrow();
        Map<String, List<String>> own = standing.terms().checklists();
        var kinds = new java.util.LinkedHashMap<String, Checklists.Kind>();
        Checklists.kindsOf(partner).forEach(k -> kinds.put(k.direction() + "/" + k.documentType(), k));
        standing.states()
                .forEach(s -> kinds.putIfAbsent(
                        s.direction() + "/" + s.documentType(), new Checklists.Kind(s.direction(), s.documentType())));
        List<CertificationResults.Result> all = results.of(partner.id());
        all.forEach(r -> kinds.putIfAbsent(
                r.direction() + "/" + r.documentType(), new Checklists.Kind(r.direction(), r.documentType())));
        var rows = new java.util.ArrayList<DocumentRow>();
        for (Checklists.Kind kind : kinds.values()) {
            var state = standing.states().stream()
                    .filter(s -> s.direction() == kind.direction()
                            && s.documentType().equals(kind.documentType()))
                    .findFirst();
            var scenarios = new java.util.ArrayList<ScenarioRow>();
            for (String name : checklists.of(partner, own, kind.direction(), kind.documentType())) {
                var result = all.stream()
                        .filter(r -> r.direction() == kind.direction()
                                && r.documentType().equals(kind.documentType())
                                && r.scenario().equals(name))
                        .findFirst();
                scenarios.add(result.map(r -> new ScenarioRow(
                                name,
                                r.passed(),
                                r.passedBy(),
                                r.passedAt(),
                                r.lastMessage(),
                                r.lastAt(),
                                Boolean.TRUE.equals(r.lastPassed()) ? null : r.lastDetail()))
                        .orElse(new ScenarioRow(name, false, null, null, null, null, null)));
            }
            rows.add(new DocumentRow(
                    kind.documentType(),
                    kind.direction(),
                    standing.state(kind.direction(), kind.documentType()),
                    state.map(PartnerLifecycles.DocumentState::reason).orElse(null),
                    state.map(PartnerLifecycles.DocumentState::changedAt).orElse(null),
                    scenarios));
        }
        return new Board(
                partner.id(), standing.terms().state(), standing.terms().notLive(), rows);
    }

    private List<String> checklist(Partner partner, Direction direction, String type) {
        Map<String, List<String>> own = lifecycles
                .terms(partner.id())
                .map(PartnerLifecycles.Terms::checklists)
                .orElse(Map.of());
        return checklists.of(partner, own, direction, type);
    }

    /** Defects as an EDI analyst reads them: segment and position, element, value, what was wrong. */
    static String describe(List<Defect> defects) {
        if (defects.isEmpty()) {
            return "no detail";
        }
        return defects.stream().limit(5).map(Certification::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Defect d) {
        var text = new StringBuilder();
        if (d.segmentTag() != null) {
            text.append("segment ").append(d.segmentTag());
            if (d.segmentPosition() > 0) {
                text.append(" (segment ").append(d.segmentPosition()).append(" of the set)");
            }
            if (d.elementPosition() > 0) {
                text.append(", element ").append(d.segmentTag()).append(String.format("%02d", d.elementPosition()));
                if (d.componentPosition() > 0) {
                    text.append("-").append(d.componentPosition());
                }
                if (d.elementReference() != null) {
                    text.append(" (").append(d.elementReference()).append(")");
                }
            }
            if (d.value() != null) {
                text.append(" value '").append(d.value()).append("'");
            }
            text.append(": ");
        }
        return text.append(d.detail()).toString();
    }

    private static boolean higher(String control, String previous) {
        try {
            return Long.parseLong(control.trim()) > Long.parseLong(previous.trim());
        } catch (NumberFormatException e) {
            return control.compareTo(previous) > 0;
        }
    }
}
