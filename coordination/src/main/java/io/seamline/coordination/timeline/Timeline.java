package io.seamline.coordination.timeline;

import io.seamline.adapters.persistence.Timelines;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Writes and reads timelines. Decisions and internal notes are for internal users; the rest partners see too. */
@Service
public class Timeline {

    /** How the gateway names itself on timelines. */
    public static final String SYSTEM = "system";

    private final Timelines timelines;
    private final Clock clock;

    public Timeline(Timelines timelines, Clock clock) {
        this.timelines = timelines;
        this.clock = clock;
    }

    /** Appends an entry that partners may see; with a step key, only the first call writes. */
    public void remember(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String stepKey) {
        remember(subject, kind, summary, actor, details, message, null, stepKey);
    }

    /**
     * Appends an entry that partners may see about a step of another message's receipt ({@code receiptOf}: the
     * partner's message an acknowledgement answers), kept with that message's entries.
     */
    public void remember(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            MessageId receiptOf,
            String stepKey) {
        append(subject, kind, summary, actor, details, true, message, receiptOf, stepKey);
    }

    /** An entry for internal users only about a step of another message's receipt (the write-back it caused). */
    public void note(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            MessageId receiptOf,
            String stepKey) {
        append(subject, kind, summary, actor, details, false, message, receiptOf, stepKey);
    }

    /** Appends an entry for internal users only. */
    public void note(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String stepKey) {
        note(subject, kind, summary, actor, details, message, null, stepKey);
    }

    /** A DECISION entry: rule, version, inputs, outcome and rationale (internal: it shows our tolerances). */
    public void decision(Subject subject, PolicyDecision decision, MessageId message, String stepKey) {
        decision(subject, decision, null, message, stepKey);
    }

    /**
     * The same, naming the partner configuration it ran with ({@code configuration}: {@code partnerId} and
     * {@code version}), when there is one. A decision inside the agreed tolerances (APPLY) is a step of the message's
     * receipt, kept in the row of what the message did on the subject; one that needs a person, or refuses, is a row of
     * its own.
     */
    public void decision(
            Subject subject,
            PolicyDecision decision,
            Map<String, Object> configuration,
            MessageId message,
            String stepKey) {
        var details = new LinkedHashMap<String, Object>(decision.details());
        if (configuration != null) {
            details.put("configuration", configuration);
        }
        append(
                subject,
                TimelineKind.DECISION,
                decision.rule() + " v" + decision.version() + ": " + decision.outcome() + " (" + decision.rationale()
                        + ")",
                SYSTEM,
                details,
                false,
                message,
                decision.outcome() == PolicyDecision.Outcome.APPLY ? message : null,
                stepKey);
    }

    /** A decision and the part of the subject it was about (a PO line). */
    public record Decided(String about, PolicyDecision decision) {}

    /**
     * Decisions of one message on one subject that all stay inside the agreed tolerances, as one DECISION entry: per
     * rule, the parts it applied to in the summary; each decision's rule, version, inputs and rationale in
     * {@code details.decisions}. A 20-line ship notice inside tolerance is one entry, not twenty, kept in the row of
     * what the message did on the subject; what needs a person is still one entry, and one row, per decision
     * ({@link #decision}).
     */
    public void applied(Subject subject, List<Decided> decisions, MessageId message, String stepKey) {
        applied(subject, decisions, null, message, stepKey);
    }

    /** The same, naming the partner configuration it ran with. */
    public void applied(
            Subject subject,
            List<Decided> decisions,
            Map<String, Object> configuration,
            MessageId message,
            String stepKey) {
        if (decisions.isEmpty()) {
            return;
        }
        var byRule = new LinkedHashMap<String, List<String>>();
        var listed = new ArrayList<Map<String, Object>>();
        for (Decided decided : decisions) {
            PolicyDecision decision = decided.decision();
            byRule.computeIfAbsent(decision.rule() + " v" + decision.version(), rule -> new ArrayList<>())
                    .add(decided.about());
            var one = new LinkedHashMap<String, Object>();
            one.put("about", decided.about());
            one.putAll(decision.details());
            listed.add(one);
        }
        String summary = byRule.entrySet().stream()
                .map(rule -> rule.getKey() + ": " + PolicyDecision.Outcome.APPLY + " ("
                        + String.join(", ", rule.getValue()) + ")")
                .collect(Collectors.joining("; "));
        // the same fields as one decision's (rule, ruleVersion, inputs, outcome, rationale), and the decisions
        var details = new LinkedHashMap<String, Object>();
        details.put(
                "rule",
                decisions.stream().map(d -> d.decision().rule()).distinct().collect(Collectors.joining(", ")));
        details.put(
                "ruleVersion",
                decisions.stream().mapToInt(d -> d.decision().version()).max().orElseThrow());
        details.put(
                "inputs",
                Map.of(
                        "about",
                        decisions.stream().map(Decided::about).distinct().toList()));
        details.put("outcome", PolicyDecision.Outcome.APPLY.name());
        details.put("rationale", "inside the agreed tolerances");
        details.put("decisions", listed);
        if (configuration != null) {
            details.put("configuration", configuration);
        }
        // a step of the message's receipt: kept in the row of what the message did on this subject
        append(
                subject,
                TimelineKind.DECISION,
                summary + ", inside the agreed tolerances",
                SYSTEM,
                details,
                false,
                message,
                message,
                stepKey);
    }

    /** A subject's history, oldest first; a partner's view leaves the internal entries out. */
    public List<TimelineEntry> of(Subject subject, PartnerScope scope) {
        return timelines.of(subject, scope.restrictedTo().isPresent());
    }

    /** What a message led to, on every subject it touched, oldest first; a partner's view as above. */
    public List<TimelineEntry> ofMessage(io.seamline.model.message.MessageId message, PartnerScope scope) {
        return timelines.ofMessage(message, scope.restrictedTo().isPresent());
    }

    private void append(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            boolean partnerVisible,
            MessageId message,
            MessageId receiptOf,
            String stepKey) {
        timelines.append(
                new TimelineEntry(0, subject, clock.instant(), kind, summary, actor, details, partnerVisible, message),
                stepKey,
                receiptOf);
    }
}
