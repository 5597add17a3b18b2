package io.seamline.coordination.customs;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.policy.CustomsRules;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.EventData;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.task.TaskKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Customs status from a broker (CUSRES, SOAP, the portal, mail): recorded on the shipment it brokers (or the entry);
 * a hold or rejection opens a CUSTOMS_HOLD task, always. A filed entry is owed customs' answer within the broker's
 * SLA; a release, hold or rejection is that answer.
 */
@Component
class CustomsHolds implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;

    CustomsHolds(Matching matching, Relationships relationships) {
        this.matching = matching;
        this.relationships = relationships;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(CustomsStatusReported.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.CUSTOMS_HOLD);
    }

    /**
     * About the shipment it names when the sender is that shipment's broker (by its references, else a shipment of its
     * carrying the PO it names); a status that names nothing is about its entry; one that names a shipment the sender
     * does not broker matches nothing.
     */
    @Override
    public Correlation correlate(Work work) {
        var customs = (CustomsStatusReported) work.event().data();
        Map<String, String> refs = customs.references();
        boolean namesShipment = refs.values().stream().anyMatch(v -> v != null && !v.isBlank());
        Optional<Shipment> shipment = Matching.first(relationships.ownShipments(work.partner(), refs));
        if (shipment.isEmpty() && refs.get("poNumber") != null) {
            shipment = Matching.first(relationships.carrying(work.partner(), refs.get("poNumber")));
        }
        if (shipment.isPresent()) {
            return matching.ofShipment(work.partner(), shipment.get());
        }
        if (namesShipment) {
            return Correlation.unmatched(
                    Matching.messageSubject(work),
                    new Unmatched(
                            "customs entry " + customs.entryNumber() + " names no shipment "
                                    + work.partner().id() + " is the customs broker of (" + Matching.present(refs)
                                    + ")",
                            List.of(),
                            List.of(),
                            matching.assignable(work, refs)));
        }
        Subject subject = customs.entryNumber() != null
                ? new Subject("entry", customs.entryNumber())
                : Matching.messageSubject(work);
        return new Correlation(subject, List.of(), Map.of(), null, null, null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var status = (CustomsStatusReported) work.event().data();
        Subject subject = correlated.correlation().subject();
        PolicyDecision decision = CustomsRules.status(status);
        effects.decision(subject, decision, work, work.step("decision"));
        if (!decision.applies()) {
            effects.openTask(
                    new TaskContext.CustomsHold(
                            status.entryNumber(),
                            status.status(),
                            status.reason(),
                            status.documentsRequested(),
                            status.references(),
                            work.message().id()),
                    subject,
                    work.partner().id(),
                    decision.rationale(),
                    List.of(Map.of(
                            "decision",
                            "APPROVE",
                            "effect",
                            "the hold is being handled (documents sent to the broker)")),
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        if (status.status() == CustomsStatusReported.Status.FILED) {
            effects.expect(
                    SlaProfile.Kind.CUSTOMS_RESPONSE,
                    subject,
                    work.partner().id(),
                    status.entryNumber(),
                    work.message().id(),
                    work.step("sla:customs"));
        } else {
            effects.meet(
                    SlaProfile.Kind.CUSTOMS_RESPONSE,
                    subject,
                    null,
                    work.message().id());
        }
        return List.of();
    }

    @Override
    public String describe(EventData data) {
        var customs = (CustomsStatusReported) data;
        return "Customs entry " + customs.entryNumber() + " " + customs.status()
                + (customs.reason() == null ? "" : ": " + customs.reason());
    }
}
