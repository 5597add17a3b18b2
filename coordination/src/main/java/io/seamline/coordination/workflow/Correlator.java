package io.seamline.coordination.workflow;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Matches each event to what it is about — its document kind's correlation ({@link DocumentWorkflow#correlate}), always
 * inside the sender's relationship — and records that on the subject's timeline: the message, the event, the
 * correlation. What matched nothing of the sender's is recorded on its own message, never on the objects it named.
 * POs are locked as they are matched, so two messages about one PO are applied one after the other.
 */
@Service
public class Correlator {

    private final DocumentWorkflows workflows;

    public Correlator(DocumentWorkflows workflows) {
        this.workflows = workflows;
    }

    public Correlated correlate(Work work, Effects effects) {
        Correlation correlation = workflows.of(work.event().data()).correlate(work);
        remember(work, correlation, effects);
        return new Correlated(work, correlation);
    }

    private void remember(Work work, Correlation correlation, Effects effects) {
        Subject subject = correlation.subject();
        String from = "partner:" + work.partner().id();
        ArchivedMessage message = work.message();
        String control = message.controlNumbers().interchange();
        effects.remember(
                subject,
                TimelineKind.MESSAGE,
                work.documentType() + " received from " + work.partner().id()
                        + (control == null ? "" : " (interchange " + control + ")") + " via " + message.channel(),
                from,
                Map.of("messageId", message.id().toString(), "documentType", work.documentType()),
                message.id(),
                // once per message, document type and subject: a carrier's 214 with ten statuses came once
                work.messageStep(work.documentType() + ":message:" + subject));
        effects.remember(
                subject,
                TimelineKind.EVENT,
                workflows.describe(work.event().data()),
                from,
                Map.of("eventId", work.event().id(), "type", work.event().type()),
                message.id(),
                work.step("event:" + subject));
        var details = new LinkedHashMap<String, Object>();
        correlation
                .orders()
                .forEach(o -> details.merge("poNumbers", List.of(o.number().value()), (a, b) -> concat(a, b)));
        if (correlation.shipment() != null) {
            details.put("shipmentId", correlation.shipment().id().value());
        }
        if (correlation.answered() != null) {
            details.put("answeredMessageId", correlation.answered().id().toString());
        }
        String summary;
        if (correlation.matched()) {
            var lines = new ArrayList<String>();
            correlation.lines().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> lines.add(e.getValue().lineNumber()));
            if (!lines.isEmpty()) {
                details.put("lines", lines);
            }
            summary = "Matched to " + subject + (lines.isEmpty() ? "" : ", lines " + String.join(", ", lines));
        } else {
            details.put("reason", correlation.unmatched().reason());
            details.put("candidates", correlation.unmatched().candidates());
            summary = "Not matched: " + correlation.unmatched().reason();
        }
        effects.note(
                subject,
                TimelineKind.CORRELATION,
                summary,
                Timeline.SYSTEM,
                details,
                message.id(),
                work.step("correlation:" + subject + ":" + correlation.matched()));
    }

    @SuppressWarnings("unchecked")
    private static Object concat(Object a, Object b) {
        var all = new ArrayList<Object>((List<Object>) a);
        all.addAll((List<Object>) b);
        return all;
    }
}
