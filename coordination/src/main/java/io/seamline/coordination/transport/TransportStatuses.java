package io.seamline.coordination.transport;

import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.ShipmentRules;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A carrier's status of one of its shipments (214, IFTSTA, the API, SOAP, the portal, mail): the shipment's status
 * and ETA follow; a delay whose ETA is after a PO line's need-by date (beyond the agreed grace) is a DELAY_IMPACT task
 * and an entry on every affected PO's timeline; a delivery is written back to the ERP. Each status meets the carrier's
 * heartbeat and, while the shipment moves, opens the next; a delivery makes the freight invoice due.
 */
@Component
class TransportStatuses implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;
    private final PurchaseOrders purchaseOrders;
    private final Tasks tasks;
    private final Policies policies;

    TransportStatuses(
            Matching matching,
            Relationships relationships,
            PurchaseOrders purchaseOrders,
            Tasks tasks,
            Policies policies) {
        this.matching = matching;
        this.relationships = relationships;
        this.purchaseOrders = purchaseOrders;
        this.tasks = tasks;
        this.policies = policies;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(ShipmentStatusReported.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.DELAY_IMPACT);
    }

    /** The sender's shipment (it is its carrier) that the references name, else one carrying a PO it names. */
    @Override
    public Correlation correlate(Work work) {
        var status = (ShipmentStatusReported) work.event().data();
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", status.references().shipmentId());
        refs.put("pro", status.references().pro());
        refs.put("bol", status.references().bol());
        refs.put("container", status.references().container());
        refs.put("booking", status.references().booking());
        List<String> poNumbers = status.references().poNumbers();
        Optional<Shipment> shipment = matching.carriersShipment(work, refs, poNumbers);
        if (shipment.isEmpty()) {
            return matching.noShipment(work, refs, poNumbers.isEmpty() ? "" : " or carries POs " + poNumbers);
        }
        var orders = new ArrayList<>(matching.ordersOf(work.partner(), shipment.get()));
        for (String po : poNumbers) {
            // a PO the status names counts when the carrier carries it; another partner's PO is out of reach
            if (orders.stream().noneMatch(o -> o.number().value().equals(po))
                    && !relationships.carrying(work.partner(), po).isEmpty()) {
                purchaseOrders
                        .find(PurchaseOrderNumber.of(po), PartnerScope.everyone())
                        .ifPresent(orders::add);
            }
        }
        return new Correlation(
                Subject.shipment(shipment.get().id().value()), orders, Map.of(), shipment.get(), null, null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var status = (ShipmentStatusReported) work.event().data();
        Shipment shipment = correlated.correlation().shipment();
        Subject subject = Subject.shipment(shipment.id().value());
        effects.reportStatus(
                shipment.id(),
                map(status.status(), shipment.status()),
                status.estimatedDelivery(),
                deliveredAt(status, work));
        LocalDateTime eta = status.estimatedDelivery();
        boolean delayNews = status.status() == TransportStatus.DELAYED
                || status.status() == TransportStatus.ETA_UPDATED
                || status.status() == TransportStatus.EXCEPTION
                || laterThanPlanned(status, shipment);
        if (delayNews && eta != null) {
            for (PurchaseOrder order : correlated.correlation().orders()) {
                delay(work, status, shipment, order, eta, effects);
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
            effects.writeBack(
                    subject, "shipment.delivered", data, work.message().id(), work.step("erp"));
        }
        heartbeat(status, subject, work, effects);
        return List.of();
    }

    /**
     * An ocean or air milestone carries the carrier's ETA at the place of delivery with every status: it is news when
     * it is later than the shipment's plan or than the ETA known before.
     */
    private static boolean laterThanPlanned(ShipmentStatusReported status, Shipment shipment) {
        LocalDateTime eta = status.estimatedDelivery();
        if (status.milestone() == null || eta == null || status.status() == TransportStatus.DELIVERED) {
            return false;
        }
        if (shipment.estimatedDelivery() != null) {
            return eta.isAfter(shipment.estimatedDelivery());
        }
        return shipment.plannedDelivery() != null && eta.toLocalDate().isAfter(shipment.plannedDelivery());
    }

    /** What a delay does to one PO: a decision on its timeline, and a person's task when it is beyond the grace. */
    private void delay(
            Work work,
            ShipmentStatusReported status,
            Shipment shipment,
            PurchaseOrder order,
            LocalDateTime eta,
            Effects effects) {
        Subject po = Subject.purchaseOrder(order.number().value());
        PolicyDecision decision = ShipmentRules.delay(order, eta, policies.of(work.partner(), null));
        effects.decision(po, decision, work, work.step("decision:" + order.number()));
        effects.remember(
                po,
                TimelineKind.EVENT,
                "Shipment " + shipment.id() + " " + status.status() + ", ETA " + eta
                        + (status.reasonCode() == null ? "" : " (reason " + status.reasonCode() + ")"),
                "partner:" + work.partner().id(),
                Map.of("shipmentId", shipment.id().value(), "estimatedDelivery", eta.toString()),
                work.message().id(),
                work.step("delay:" + order.number()));
        if (decision.applies() || alreadyAsked(po, shipment, eta)) {
            return;
        }
        effects.openTask(
                new TaskContext.DelayImpact(
                        order.number().value(),
                        shipment.id(),
                        eta,
                        status.reasonCode(),
                        work.message().id(),
                        decision.details()),
                po,
                work.partner().id(),
                decision.rationale(),
                TaskOpening.approveOrReject("accept the delay (plan around it)", "escalate: expedite or re-source"),
                work.eventId(),
                work.message().id(),
                work.step("task:" + order.number()));
    }

    /**
     * A carrier's status fulfils the open heartbeat; while the shipment moves the next is due within its SLA, and
     * once delivered the freight invoice is.
     */
    private static void heartbeat(ShipmentStatusReported status, Subject subject, Work work, Effects effects) {
        effects.meet(
                SlaProfile.Kind.SHIPMENT_STATUS, subject, null, work.message().id());
        if (status.status() == TransportStatus.DELIVERED) {
            effects.expect(
                    SlaProfile.Kind.INVOICE_FREIGHT,
                    subject,
                    work.partner().id(),
                    null,
                    work.message().id(),
                    "sla:" + subject + ":invoice");
        } else {
            effects.expect(
                    SlaProfile.Kind.SHIPMENT_STATUS,
                    subject,
                    work.partner().id(),
                    null,
                    work.message().id(),
                    work.step("sla:heartbeat"));
        }
    }

    /** A delay a person is already weighing (same shipment, same ETA: a 214 often says it twice) is not asked again. */
    private boolean alreadyAsked(Subject po, Shipment shipment, LocalDateTime eta) {
        return tasks
                .list(new TaskQuery(TaskStatus.OPEN, TaskKind.DELAY_IMPACT, null, po.toString(), Window.first(100)))
                .items()
                .stream()
                .map(t -> TaskContext.of(t, TaskContext.DelayImpact.class))
                .anyMatch(asked -> shipment.id().equals(asked.shipmentId()) && eta.equals(asked.estimatedDelivery()));
    }

    /**
     * When a delivery happened: the carrier's event time (local at the destination, kept as if UTC so its date is the
     * local date OTIF compares with the promised date), else when its message came.
     */
    private static Instant deliveredAt(ShipmentStatusReported status, Work work) {
        if (status.status() != TransportStatus.DELIVERED) {
            return null;
        }
        return status.eventTime() == null
                ? work.message().receivedAt()
                : status.eventTime().toInstant(ZoneOffset.UTC);
    }

    static ShipmentStatus map(TransportStatus status, ShipmentStatus current) {
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

    @Override
    public String describe(EventData data) {
        var status = (ShipmentStatusReported) data;
        return "Shipment status " + status.status()
                + (status.milestone() == null ? "" : ", " + status.milestone())
                + (status.partnerStatusCode() == null ? "" : " (" + status.partnerStatusCode() + ")")
                + (status.vessel() == null ? "" : ", vessel " + status.vessel())
                + (status.voyage() == null ? "" : " voyage " + status.voyage())
                + (status.estimatedDelivery() == null ? "" : ", ETA " + status.estimatedDelivery())
                + (status.location() == null || status.location().city() == null
                        ? ""
                        : " at " + status.location().city());
    }
}
