package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.acknowledgements.AckReconciliation;
import io.seamline.coordination.commitments.Commitments;
import io.seamline.coordination.customs.CustomsHolds;
import io.seamline.coordination.invoices.InvoiceAudit;
import io.seamline.coordination.shipnotices.ShipNotices;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.transport.TransportEvents;
import io.seamline.model.Subject;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Runs each event's workflow, and continues a workflow from a person's decision on one of its tasks. */
@Service
public class Coordinator {

    private final Commitments commitments;
    private final ShipNotices shipNotices;
    private final TransportEvents transport;
    private final InvoiceAudit invoices;
    private final CustomsHolds customs;
    private final AckReconciliation acks;
    private final TaskOpening taskOpening;
    private final Partners partners;
    private final SlaExpectations slaExpectations;

    public Coordinator(
            Commitments commitments,
            ShipNotices shipNotices,
            TransportEvents transport,
            InvoiceAudit invoices,
            CustomsHolds customs,
            AckReconciliation acks,
            TaskOpening taskOpening,
            Partners partners,
            SlaExpectations slaExpectations) {
        this.commitments = commitments;
        this.shipNotices = shipNotices;
        this.transport = transport;
        this.invoices = invoices;
        this.customs = customs;
        this.acks = acks;
        this.taskOpening = taskOpening;
        this.partners = partners;
        this.slaExpectations = slaExpectations;
    }

    public Decided coordinate(Correlated correlated) {
        if (!correlated.correlation().matched()) {
            unmatched(
                    correlated.work(),
                    correlated.correlation().subject(),
                    correlated.correlation().unmatched(),
                    "task:unmatched");
            return new Decided(correlated, List.of());
        }
        EventData data = correlated.work().event().data();
        List<Response> responses;
        if (data instanceof OrderAcknowledged || data instanceof CommitmentUpdated) {
            responses = commitments.coordinate(correlated);
        } else if (data instanceof ShipmentAdvised) {
            responses = shipNotices.coordinate(correlated);
        } else if (data instanceof ShipmentStatusReported) {
            responses = transport.status(correlated);
        } else if (data instanceof TenderAnswered) {
            responses = transport.tender(correlated);
        } else if (data instanceof InvoiceReceived) {
            responses = invoices.coordinate(correlated);
        } else if (data instanceof CustomsStatusReported) {
            responses = customs.coordinate(correlated);
        } else if (data instanceof FunctionalAckReceived) {
            responses = acks.functional(correlated);
        } else if (data instanceof ApplicationAckReceived) {
            responses = acks.application(correlated);
        } else if (data instanceof DocumentReceived) {
            responses = List.of();
        } else {
            throw new IllegalStateException("no workflow for " + data.type());
        }
        slaExpectations.observe(correlated);
        return new Decided(correlated, responses);
    }

    /** Continues a workflow from a person's decision; what the partner hears back is returned. */
    public List<Response> decided(Task task, Decision decision, String comment, String actor) {
        Partner partner = task.partnerId() == null
                ? null
                : partners.find(task.partnerId()).orElse(null);
        return switch (task.kind()) {
            case COMMITMENT_CHANGE -> commitments.decided(task, decision, comment, actor, partner);
            case ASN_DISCREPANCY -> shipNotices.decided(task, decision, comment, actor, partner);
            case INVOICE_EXCEPTION -> invoices.decided(task, decision, comment, actor, partner);
            case DELAY_IMPACT, TENDER_DECLINED -> transport.decided(task, decision, comment, actor, partner);
            case UNMATCHED_MESSAGE, CUSTOMS_HOLD, ACK_REJECTED, DELIVERY_FAILED -> List.of();
        };
    }

    /** Opens the UNMATCHED_MESSAGE task of an event that matched nothing, with the ranked candidates. */
    void unmatched(Work work, Subject subject, Unmatched unmatched, String step) {
        var context = new LinkedHashMap<String, Object>();
        context.put("reason", unmatched.reason());
        context.put("missingPoNumbers", unmatched.missingPoNumbers());
        context.put("candidates", unmatched.candidates());
        context.put("eventId", work.event().id());
        context.put("messageId", work.message().id().toString());
        context.put("documentType", work.documentType());
        Unmatched.Assignable assignable = unmatched.assignable();
        if (assignable != null) {
            context.put(
                    Rematching.ASSIGN,
                    Map.of(
                            "shipmentId", assignable.shipment().value(),
                            "role", assignable.role().name()));
        }
        taskOpening.open(
                TaskKind.UNMATCHED_MESSAGE,
                subject,
                work.partner().id(),
                work.documentType() + " from " + work.partner().id() + ": " + unmatched.reason(),
                context,
                TaskOpening.approveOrReject(
                        assignable == null
                                ? "match it again now (after fixing the reference data)"
                                : "make " + work.partner().id() + " the "
                                        + (assignable.role() == PartnerRole.BROKER ? "customs broker" : "carrier")
                                        + " of shipment " + assignable.shipment() + " and process the document",
                        "tell the partner the document matches nothing of ours"),
                work.eventId(),
                work.message().id(),
                work.step(step));
    }
}
