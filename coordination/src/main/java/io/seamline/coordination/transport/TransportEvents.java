package io.seamline.coordination.transport;

import io.seamline.adapters.persistence.Shipments;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.coordination.erp.ErpWriteBack;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.ShipmentRules;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.partner.Partner;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Carriers' news about a shipment (214, IFTSTA, 990): the status and ETA are recorded; a delay whose ETA is after a
 * need-by date opens a DELAY_IMPACT task and leaves an entry on every affected PO's timeline; a declined tender
 * opens a TENDER_DECLINED task.
 */
@Component
public class TransportEvents {

    private final Shipments shipments;
    private final Tasks tasks;
    private final Policies policies;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final ErpWriteBack erp;

    public TransportEvents(
            Shipments shipments,
            Tasks tasks,
            Policies policies,
            TaskOpening taskOpening,
            Timeline timeline,
            ErpWriteBack erp) {
        this.shipments = shipments;
        this.tasks = tasks;
        this.policies = policies;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.erp = erp;
    }

    public List<Response> status(Correlated correlated) {
        Work work = correlated.work();
        var status = (ShipmentStatusReported) work.event().data();
        Shipment shipment = correlated.correlation().shipment();
        Subject subject = Subject.shipment(shipment.id().value());
        ShipmentStatus next = map(status.status(), shipment.status());
        shipments.reportStatus(shipment.id(), next, status.estimatedDelivery(), deliveredAt(status, work));
        boolean delayNews = status.status() == TransportStatus.DELAYED
                || status.status() == TransportStatus.ETA_UPDATED
                || status.status() == TransportStatus.EXCEPTION;
        LocalDateTime eta = status.estimatedDelivery();
        if (delayNews && eta != null) {
            for (PurchaseOrder order : correlated.correlation().orders()) {
                Subject po = Subject.purchaseOrder(order.number().value());
                PolicyDecision decision = ShipmentRules.delay(order, eta, policies.of(work.partner(), null));
                timeline.decision(po, decision, work.message().id(), work.step("decision:" + order.number()));
                timeline.remember(
                        po,
                        TimelineKind.EVENT,
                        "Shipment " + shipment.id() + " " + status.status() + ", ETA " + eta
                                + (status.reasonCode() == null ? "" : " (reason " + status.reasonCode() + ")"),
                        "partner:" + work.partner().id(),
                        Map.of("shipmentId", shipment.id().value(), "estimatedDelivery", eta.toString()),
                        work.message().id(),
                        work.step("delay:" + order.number()));
                if (!decision.applies() && !alreadyAsked(po, shipment, eta)) {
                    var context = new LinkedHashMap<String, Object>();
                    context.put("poNumber", order.number().value());
                    context.put("shipmentId", shipment.id().value());
                    context.put("estimatedDelivery", eta.toString());
                    context.put("reasonCode", status.reasonCode());
                    context.put("messageId", work.message().id().toString());
                    context.put("decision", decision.details());
                    taskOpening.open(
                            TaskKind.DELAY_IMPACT,
                            po,
                            work.partner().id(),
                            decision.rationale(),
                            context,
                            TaskOpening.approveOrReject(
                                    "accept the delay (plan around it)", "escalate: expedite or re-source"),
                            work.eventId(),
                            work.message().id(),
                            work.step("task:" + order.number()));
                }
            }
        }
        if (status.status() == TransportStatus.DELIVERED) {
            var data = new LinkedHashMap<String, Object>();
            data.put("shipmentId", shipment.id().value());
            data.put(
                    "deliveredAt",
                    status.eventTime() == null ? null : status.eventTime().toString());
            data.put(
                    "poNumbers",
                    correlated.correlation().orders().stream()
                            .map(o -> o.number().value())
                            .toList());
            erp.send(subject, "shipment.delivered", data, work.message().id(), work.step("erp"));
        }
        return List.of();
    }

    /**
     * When a delivery happened: the carrier's event time (local at the destination, kept as if UTC so its date is the
     * local date OTIF compares with the promised date), else when its message came.
     */
    private static java.time.Instant deliveredAt(ShipmentStatusReported status, Work work) {
        if (status.status() != TransportStatus.DELIVERED) {
            return null;
        }
        return status.eventTime() == null
                ? work.message().receivedAt()
                : status.eventTime().toInstant(java.time.ZoneOffset.UTC);
    }

    public List<Response> tender(Correlated correlated) {
        Work work = correlated.work();
        var tender = (TenderAnswered) work.event().data();
        Shipment shipment = correlated.correlation().shipment();
        Subject subject = Subject.shipment(shipment.id().value());
        if (tender.decision() == TenderAnswered.Decision.ACCEPTED) {
            shipments.reportStatus(shipment.id(), ShipmentStatus.BOOKED, null);
            return List.of();
        }
        taskOpening.open(
                TaskKind.TENDER_DECLINED,
                subject,
                work.partner().id(),
                work.partner().id() + " answered the tender of " + shipment.id() + " " + tender.decision()
                        + (tender.reasonCode() == null ? "" : " (" + tender.reasonCode() + ")"),
                Map.of(
                        "shipmentId", shipment.id().value(),
                        "decision", tender.decision().name(),
                        "conditions", tender.conditions() == null ? "" : tender.conditions()),
                TaskOpening.approveOrReject("accept the carrier's answer", "tender to another carrier"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        return List.of();
    }

    /** A delay a person is already weighing (same shipment, same ETA: a 214 often says it twice) is not asked again. */
    private boolean alreadyAsked(Subject po, Shipment shipment, LocalDateTime eta) {
        return tasks
                .list(new TaskQuery(TaskStatus.OPEN, TaskKind.DELAY_IMPACT, null, po.toString(), Window.first(100)))
                .items()
                .stream()
                .anyMatch(t -> shipment.id().value().equals(t.context().get("shipmentId"))
                        && eta.toString().equals(t.context().get("estimatedDelivery")));
    }

    /** DELAY_IMPACT and TENDER_DECLINED decisions are recorded; the follow-up happens outside the gateway. */
    public List<Response> decided(Task task, Decision decision, String comment, String actor, Partner partner) {
        return List.of();
    }

    private static ShipmentStatus map(TransportStatus status, ShipmentStatus current) {
        if (status == null) {
            return current;
        }
        return switch (status) {
            case PICKED_UP -> ShipmentStatus.PICKED_UP;
            case IN_TRANSIT -> ShipmentStatus.IN_TRANSIT;
            case DELAYED -> ShipmentStatus.DELAYED;
            case ARRIVED -> ShipmentStatus.ARRIVED;
            case DELIVERED -> ShipmentStatus.DELIVERED;
            case ETA_UPDATED, EXCEPTION, OTHER -> current;
        };
    }
}
