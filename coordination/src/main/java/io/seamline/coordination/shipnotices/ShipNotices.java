package io.seamline.coordination.shipnotices;

import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.ShipmentRules;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.message.TimeOrderedIds;
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
import io.seamline.model.shipment.Shipment;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The ship notice workflow (856, DESADV): the shipment is created or updated, what it carries is recorded per PO
 * line and the lines' shipped quantities follow; shipping more than the order allows opens an ASN_DISCREPANCY task.
 */
@Component
class ShipNotices implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;
    private final Shipments shipments;
    private final PurchaseOrders purchaseOrders;
    private final Partners partners;
    private final Policies policies;
    private final Clock clock;

    ShipNotices(
            Matching matching,
            Relationships relationships,
            Shipments shipments,
            PurchaseOrders purchaseOrders,
            Partners partners,
            Policies policies,
            Clock clock) {
        this.matching = matching;
        this.relationships = relationships;
        this.shipments = shipments;
        this.purchaseOrders = purchaseOrders;
        this.partners = partners;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(ShipmentAdvised.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.ASN_DISCREPANCY);
    }

    /**
     * The shipment its references name inside the sender's relationship (else a new one, unless they name someone
     * else's), and each line matched to a line of one of the sender's POs.
     */
    @Override
    public Correlation correlate(Work work) {
        var notice = (ShipmentAdvised) work.event().data();
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", notice.shipmentId());
        refs.put("bol", notice.references().bol());
        refs.put("pro", notice.references().pro());
        refs.put("container", notice.references().container());
        refs.put("booking", notice.references().booking());
        refs.put("awb", notice.references().awb());
        Shipment shipment =
                Matching.first(relationships.shipments(work.partner(), refs)).orElse(null);
        if (shipment == null && relationships.nameAnyShipment(refs)) {
            // a shipment of another relationship: not to be joined, not to be taken over under its id
            return matching.noShipment(work, refs, "");
        }
        Subject subject = shipment != null
                ? Subject.shipment(shipment.id().value())
                : notice.shipmentId() != null && ShipmentId.isValid(notice.shipmentId())
                        ? Subject.shipment(notice.shipmentId().trim())
                        : Matching.messageSubject(work);
        var orders = new LinkedHashMap<String, PurchaseOrder>();
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < notice.lines().size(); i++) {
            ShipmentAdvised.Line line = notice.lines().get(i);
            String po = line.poNumber();
            if (po == null || !orders.containsKey(po)) {
                Optional<PurchaseOrder> order = relationships.order(work.partner(), po, work.test());
                if (order.isEmpty()) {
                    return Correlation.unmatched(
                            Matching.messageSubject(work),
                            new Unmatched(
                                    po == null
                                            ? "line " + (i + 1) + " of the ship notice names no PO"
                                            : "PO " + po + " is not a PO of "
                                                    + work.partner().id(),
                                    Matching.missing(po),
                                    matching.candidateOrders(
                                            po, itemsOf(notice), work.partner().id())));
                }
                orders.put(po, order.get());
            }
            PurchaseOrder order = orders.get(po);
            var wanted = new Matching.EventLine(line.lineNumber(), line.itemId(), line.partnerItemId());
            Optional<PurchaseOrderLine> matched =
                    Matching.line(order, line.lineNumber(), line.itemId(), line.partnerItemId());
            if (matched.isEmpty()) {
                return Correlation.unmatched(subject, Matching.lineNotFound(order, wanted));
            }
            lines.put(i, matched.get());
        }
        return new Correlation(subject, List.copyOf(orders.values()), lines, shipment, null, null);
    }

    @Override
    public String describe(EventData data) {
        var notice = (ShipmentAdvised) data;
        return "Ship notice " + notice.shipmentId() + ": "
                + notice.lines().stream()
                        .map(l -> (l.quantity() == null ? "?" : plain(l.quantity())) + " of PO " + l.poNumber()
                                + " line " + l.lineNumber())
                        .collect(Collectors.joining(", "))
                + (notice.estimatedDelivery() == null ? "" : ", ETA " + notice.estimatedDelivery());
    }

    private static List<String> itemsOf(ShipmentAdvised notice) {
        var items = new ArrayList<String>();
        notice.lines().forEach(l -> {
            Matching.addIfPresent(items, l.itemId());
            Matching.addIfPresent(items, l.partnerItemId());
        });
        return items;
    }

    /** Records the shipment and what it carries, judges each PO line's quantity, meets each PO's ship notice. */
    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var notice = (ShipmentAdvised) work.event().data();
        ShipmentId id = shipmentId(correlated, work);
        Subject subject = Subject.shipment(id.value());
        PartnerId carrier = notice.carrierScac() == null
                ? null
                : partners.identify(PartnerIdentifier.of(IdentifierScheme.SCAC, notice.carrierScac()))
                        .orElse(null);
        var refs = notice.references();
        effects.advise(
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
                effects.decision(subject, decision, work, work.step("decision:" + entry.getKey()));
                effects.openTask(
                        new TaskContext.AsnDiscrepancy(
                                order.number().value(),
                                poLine.lineNumber(),
                                id,
                                work.message().id(),
                                work.documentType(),
                                decision.details()),
                        Subject.purchaseOrder(order.number().value()),
                        work.partner().id(),
                        decision.rationale(),
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
        effects.applied(subject, inside, work, work.step("decisions-applied"));
        effects.carries(id, carries);
        for (PurchaseOrder order : correlated.correlation().orders()) {
            effects.refreshShipped(order.number());
            effects.meet(
                    SlaProfile.Kind.ASN_DUE,
                    Subject.purchaseOrder(order.number().value()),
                    null,
                    work.message().id());
            effects.remember(
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
        effects.writeBack(subject, "shipment.advised", data, work.message().id(), work.step("erp"));
        return List.of();
    }

    /** A person decided an ASN_DISCREPANCY task: accept the quantity as shipped, or tell the supplier. */
    @Override
    public List<Response> decided(
            Task task, Decision decision, String comment, String actor, Partner partner, Effects effects) {
        if (decision == Decision.APPROVE) {
            return List.of();
        }
        var context = TaskContext.of(task, TaskContext.AsnDiscrepancy.class);
        String po = context.poNumber();
        PurchaseOrder order = purchaseOrders
                .find(PurchaseOrderNumber.of(po), io.seamline.model.partner.PartnerScope.everyone())
                .orElseThrow();
        String reason = "Shipment " + context.shipmentId() + ", PO " + po + " line " + context.lineNumber()
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
        return List.of(new Response(
                partner.id(),
                Subject.purchaseOrder(po),
                advice,
                Map.of(
                        "type",
                        "shipment.rejected",
                        "shipmentId",
                        context.shipmentId().value(),
                        "reason",
                        reason),
                reason,
                context.messageId(),
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
        return ShipmentId.of("ASN-" + reference(work.event().id()));
    }

    /**
     * A shipment's id made from its notice's event id: 12 hex digits of a time-ordered one (its last: its first are the
     * time), 8 of any other, as before time-ordered ids, so that a notice received before them gets the id it had.
     */
    static String reference(String eventId) {
        try {
            UUID id = UUID.fromString(eventId);
            return TimeOrderedIds.shortHex(id, TimeOrderedIds.isTimeOrdered(id) ? 12 : 8);
        } catch (IllegalArgumentException notAUuid) {
            return eventId.substring(0, Math.min(8, eventId.length()));
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
