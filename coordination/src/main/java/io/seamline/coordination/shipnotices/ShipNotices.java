package io.seamline.coordination.shipnotices;

import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.coordination.erp.ErpWriteBack;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.ShipmentRules;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import io.seamline.model.timeline.TimelineKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ship notice workflow (856, DESADV): the shipment is created or updated, what it carries is recorded per PO
 * line and the lines' shipped quantities follow; shipping more than the order allows opens an ASN_DISCREPANCY task.
 */
@Component
public class ShipNotices {

    private final Shipments shipments;
    private final PurchaseOrders purchaseOrders;
    private final Partners partners;
    private final Policies policies;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final ErpWriteBack erp;
    private final Clock clock;

    public ShipNotices(
            Shipments shipments,
            PurchaseOrders purchaseOrders,
            Partners partners,
            Policies policies,
            TaskOpening taskOpening,
            Timeline timeline,
            ErpWriteBack erp,
            Clock clock) {
        this.shipments = shipments;
        this.purchaseOrders = purchaseOrders;
        this.partners = partners;
        this.policies = policies;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.erp = erp;
        this.clock = clock;
    }

    public List<Response> coordinate(Correlated correlated) {
        Work work = correlated.work();
        var notice = (ShipmentAdvised) work.event().data();
        ShipmentId id = shipmentId(correlated, work);
        Subject subject = Subject.shipment(id.value());
        PartnerId carrier = notice.carrierScac() == null
                ? null
                : partners.identify(PartnerIdentifier.of(IdentifierScheme.SCAC, notice.carrierScac()))
                        .orElse(null);
        var refs = notice.references();
        shipments.advise(
                id,
                work.partner().role() == PartnerRole.SUPPLIER ? work.partner().id() : null,
                carrier != null
                        ? carrier
                        : work.partner().role().movesShipments()
                                ? work.partner().id()
                                : null,
                new ShipmentReferences(refs.bol(), refs.pro(), refs.container(), refs.booking(), refs.awb()),
                notice.shipDate(),
                notice.estimatedDelivery() == null
                        ? null
                        : notice.estimatedDelivery().atStartOfDay(),
                correlated.correlation().orders().stream()
                        .map(PurchaseOrder::number)
                        .toList());
        var carried = new LinkedHashMap<String, BigDecimal>();
        var poLines = new LinkedHashMap<String, PurchaseOrderLine>();
        var poOf = new LinkedHashMap<String, PurchaseOrder>();
        for (int i = 0; i < notice.lines().size(); i++) {
            ShipmentAdvised.Line line = notice.lines().get(i);
            PurchaseOrderLine poLine = correlated.correlation().lines().get(i);
            PurchaseOrder order = correlated.correlation().order(line.poNumber());
            String key = order.number().value() + "/" + poLine.lineNumber();
            carried.merge(key, line.quantity() == null ? BigDecimal.ZERO : line.quantity(), BigDecimal::add);
            poLines.put(key, poLine);
            poOf.put(key, order);
        }
        var already = new LinkedHashMap<String, BigDecimal>();
        shipments.lines(id).forEach(l -> already.put(l.poNumber().value() + "/" + l.lineNumber(), l.quantity()));
        var written = new ArrayList<Map<String, Object>>();
        var carries = new ArrayList<ShipmentLine>();
        var inside = new ArrayList<Timeline.Decided>();
        for (var entry : carried.entrySet()) {
            PurchaseOrderLine poLine = poLines.get(entry.getKey());
            PurchaseOrder order = poOf.get(entry.getKey());
            BigDecimal before =
                    poLine.shippedQuantity().subtract(already.getOrDefault(entry.getKey(), BigDecimal.ZERO));
            PolicyDecision decision = ShipmentRules.asnQuantity(
                    order.number().value(),
                    poLine,
                    before.max(BigDecimal.ZERO),
                    entry.getValue(),
                    policies.of(work.partner(), poLine.category()));
            carries.add(new ShipmentLine(order.number(), poLine.lineNumber(), entry.getValue(), poLine.unit()));
            if (decision.applies()) {
                inside.add(new Timeline.Decided(order.number().value() + " line " + poLine.lineNumber(), decision));
            } else {
                timeline.decision(subject, decision, work.message().id(), work.step("decision:" + entry.getKey()));
                taskOpening.open(
                        TaskKind.ASN_DISCREPANCY,
                        Subject.purchaseOrder(order.number().value()),
                        work.partner().id(),
                        decision.rationale(),
                        Map.of(
                                "poNumber", order.number().value(),
                                "lineNumber", poLine.lineNumber(),
                                "shipmentId", id.value(),
                                "messageId", work.message().id().toString(),
                                "documentType", work.documentType(),
                                "decision", decision.details()),
                        TaskOpening.approveOrReject(
                                "accept the extra quantity", "tell the supplier the over-shipment is not accepted"),
                        work.eventId(),
                        work.message().id(),
                        work.step("task:" + entry.getKey()));
            }
            written.add(Map.of(
                    "poNumber", order.number().value(),
                    "lineNumber", poLine.lineNumber(),
                    "quantity", entry.getValue()));
        }
        timeline.applied(subject, inside, work.message().id(), work.step("decisions-applied"));
        shipments.putLines(id, carries);
        for (PurchaseOrder order : correlated.correlation().orders()) {
            purchaseOrders.refreshShipped(order.number());
            timeline.remember(
                    Subject.purchaseOrder(order.number().value()),
                    TimelineKind.EVENT,
                    "Shipped on " + id.value() + ": "
                            + written.stream()
                                    .filter(w -> w.get("poNumber")
                                            .equals(order.number().value()))
                                    .map(w -> plain((BigDecimal) w.get("quantity")) + " of line " + w.get("lineNumber"))
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse(""),
                    "partner:" + work.partner().id(),
                    Map.of("shipmentId", id.value()),
                    work.message().id(),
                    work.step("shipped:" + order.number()));
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("shipmentId", id.value());
        data.put(
                "shipDate", notice.shipDate() == null ? null : notice.shipDate().toString());
        data.put(
                "estimatedDelivery",
                notice.estimatedDelivery() == null
                        ? null
                        : notice.estimatedDelivery().toString());
        data.put("lines", written);
        erp.send(subject, "shipment.advised", data, work.message().id(), work.step("erp"));
        return List.of();
    }

    /** A person decided an ASN_DISCREPANCY task: accept the quantity as shipped, or tell the supplier. */
    public List<Response> decided(Task task, Decision decision, String comment, String actor, Partner partner) {
        if (decision == Decision.APPROVE) {
            return List.of();
        }
        Map<String, Object> context = task.context();
        String po = (String) context.get("poNumber");
        PurchaseOrder order = purchaseOrders
                .find(PurchaseOrderNumber.of(po), io.seamline.model.partner.PartnerScope.everyone())
                .orElseThrow();
        String reason = "Shipment " + context.get("shipmentId") + ", PO " + po + " line " + context.get("lineNumber")
                + ": the over-shipment is not accepted" + (comment == null || comment.isBlank() ? "" : ": " + comment);
        String step = "task:" + task.id() + ":rejected";
        var advice = new ApplicationAdvised(
                Response.adviceNumber(step),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                ApplicationAdvised.Outcome.REJECTED,
                "PO",
                order.number().value(),
                "856",
                null,
                List.of(new ApplicationAdvised.Error("ZZZ", reason)));
        MessageId message =
                context.get("messageId") == null ? null : MessageId.parse((String) context.get("messageId"));
        return List.of(new Response(
                partner.id(),
                Subject.purchaseOrder(po),
                advice,
                Map.of("type", "shipment.rejected", "shipmentId", context.get("shipmentId"), "reason", reason),
                reason,
                message,
                step));
    }

    private static ShipmentId shipmentId(Correlated correlated, Work work) {
        if (correlated.correlation().shipment() != null) {
            return correlated.correlation().shipment().id();
        }
        var notice = (ShipmentAdvised) work.event().data();
        if (notice.shipmentId() != null && ShipmentId.isValid(notice.shipmentId())) {
            return ShipmentId.of(notice.shipmentId());
        }
        return ShipmentId.of("ASN-" + work.event().id().substring(0, 8));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
