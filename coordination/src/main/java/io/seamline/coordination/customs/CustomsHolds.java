package io.seamline.coordination.customs;

import io.seamline.coordination.policy.CustomsRules;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.task.TaskKind;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/** Customs status from a broker: recorded on the shipment (or entry); a hold or rejection opens a CUSTOMS_HOLD task. */
@Component
public class CustomsHolds {

    private final TaskOpening taskOpening;
    private final Timeline timeline;

    public CustomsHolds(TaskOpening taskOpening, Timeline timeline) {
        this.taskOpening = taskOpening;
        this.timeline = timeline;
    }

    public List<Response> coordinate(Correlated correlated) {
        Work work = correlated.work();
        var status = (CustomsStatusReported) work.event().data();
        PolicyDecision decision = CustomsRules.status(status);
        timeline.decision(
                correlated.correlation().subject(), decision, work.message().id(), work.step("decision"));
        if (!decision.applies()) {
            var context = new LinkedHashMap<String, Object>();
            context.put("entryNumber", status.entryNumber());
            context.put(
                    "status", status.status() == null ? null : status.status().name());
            context.put("reason", status.reason());
            context.put("documentsRequested", status.documentsRequested());
            context.put("references", status.references());
            context.put("messageId", work.message().id().toString());
            taskOpening.open(
                    TaskKind.CUSTOMS_HOLD,
                    correlated.correlation().subject(),
                    work.partner().id(),
                    decision.rationale(),
                    context,
                    List.of(java.util.Map.of(
                            "decision",
                            "APPROVE",
                            "effect",
                            "the hold is being handled (documents sent to the broker)")),
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        return List.of();
    }
}
