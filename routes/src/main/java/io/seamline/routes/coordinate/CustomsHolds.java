package io.seamline.routes.coordinate;

import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.task.TaskKind;
import io.seamline.routes.correlate.Correlated;
import io.seamline.routes.pipeline.Work;
import io.seamline.routes.policy.CustomsRules;
import io.seamline.routes.respond.Response;
import io.seamline.routes.timeline.Memory;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/** Customs status from a broker: recorded on the shipment (or entry); a hold or rejection opens a CUSTOMS_HOLD task. */
@Component
public class CustomsHolds {

    private final Asks asks;
    private final Memory memory;

    public CustomsHolds(Asks asks, Memory memory) {
        this.asks = asks;
        this.memory = memory;
    }

    public List<Response> coordinate(Correlated correlated) {
        Work work = correlated.work();
        var status = (CustomsStatusReported) work.event().data();
        PolicyDecision decision = CustomsRules.status(status);
        memory.decision(
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
            asks.open(
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
