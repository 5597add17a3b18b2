package io.seamline.coordination.tenders;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.EventData;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.task.TaskKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A carrier's answer to our load tender (990, the API): accepted, the shipment is BOOKED; declined or conditional, a
 * person decides (TENDER_DECLINED). Either way the tender's answer is no longer owed.
 */
@Component
class Tenders implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;

    Tenders(Matching matching, Relationships relationships) {
        this.matching = matching;
        this.relationships = relationships;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(TenderAnswered.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.TENDER_DECLINED);
    }

    /** The shipment tendered to the sender that the answer names. */
    @Override
    public Correlation correlate(Work work) {
        var tender = (TenderAnswered) work.event().data();
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", tender.shipmentId());
        Optional<Shipment> shipment = tender.shipmentId() == null || !ShipmentId.isValid(tender.shipmentId())
                ? Optional.empty()
                : Matching.first(relationships.ownShipments(work.partner(), refs))
                        .filter(s -> s.id().value().equals(tender.shipmentId().trim()));
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    Matching.messageSubject(work),
                    new Unmatched(
                            "no shipment " + tender.shipmentId() + " tendered to "
                                    + work.partner().id(),
                            List.of(),
                            List.of(),
                            matching.assignable(work, refs)));
        }
        return matching.ofShipment(work.partner(), shipment.get());
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var tender = (TenderAnswered) work.event().data();
        Shipment shipment = correlated.correlation().shipment();
        Subject subject = Subject.shipment(shipment.id().value());
        effects.meet(
                SlaProfile.Kind.TENDER_RESPONSE, subject, null, work.message().id());
        if (tender.decision() == TenderAnswered.Decision.ACCEPTED) {
            effects.reportStatus(shipment.id(), ShipmentStatus.BOOKED, null, null);
            return List.of();
        }
        effects.openTask(
                new TaskContext.TenderDeclined(shipment.id(), tender.decision(), tender.conditions()),
                subject,
                work.partner().id(),
                work.partner().id() + " answered the tender of " + shipment.id() + " " + tender.decision()
                        + (tender.reasonCode() == null ? "" : " (" + tender.reasonCode() + ")"),
                TaskOpening.approveOrReject("accept the carrier's answer", "tender to another carrier"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        return List.of();
    }

    @Override
    public String describe(EventData data) {
        var tender = (TenderAnswered) data;
        return "Tender for " + tender.shipmentId() + " " + tender.decision();
    }
}
