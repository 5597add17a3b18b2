package io.seamline.routes.timeline;

import io.seamline.adapters.persistence.Timelines;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Writes and reads timelines. Decisions and internal notes are for internal users; the rest partners see too. */
@Service
public class Memory {

    /** How the gateway names itself on timelines. */
    public static final String SYSTEM = "system";

    private final Timelines timelines;
    private final Clock clock;

    public Memory(Timelines timelines, Clock clock) {
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
        append(subject, kind, summary, actor, details, true, message, stepKey);
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
        append(subject, kind, summary, actor, details, false, message, stepKey);
    }

    /** A DECISION entry: rule, version, inputs, outcome and rationale (internal: it shows our tolerances). */
    public void decision(Subject subject, PolicyDecision decision, MessageId message, String stepKey) {
        append(
                subject,
                TimelineKind.DECISION,
                decision.rule() + " v" + decision.version() + ": " + decision.outcome() + " (" + decision.rationale()
                        + ")",
                SYSTEM,
                decision.details(),
                false,
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
            String stepKey) {
        timelines.append(
                new TimelineEntry(0, subject, clock.instant(), kind, summary, actor, details, partnerVisible, message),
                stepKey);
    }
}
