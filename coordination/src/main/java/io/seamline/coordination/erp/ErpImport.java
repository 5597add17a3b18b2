package io.seamline.coordination.erp;

import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.adapters.persistence.Timelines;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.dispatch.Dispatch;
import io.seamline.coordination.receipts.Receipts;
import io.seamline.coordination.workflow.Rematching;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.erp.ErpBatch;
import io.seamline.model.Subject;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the ERP's purchase orders and planned shipments: every reference is checked first (the supplier or
 * carrier exists and has the right role, a PO keeps its supplier, a shipment's POs exist), then everything is
 * written in one transaction, with an IMPORT entry on the timeline of each PO or shipment that changed; in the same
 * transaction, partner messages that were waiting for one of the POs are matched again ({@link Rematching}) and the new
 * POs and shipments go to their partners ({@link Dispatch}).
 */
@Service
public class ErpImport {

    private final Partners partners;
    private final PurchaseOrders purchaseOrders;
    private final Shipments shipments;
    private final Timelines timelines;
    private final TransactionTemplate transactions;
    private final Rematching rematching;
    private final Dispatch dispatch;
    private final Clock clock;

    private final Audit audit;
    private final Receipts receipts;

    public ErpImport(
            Partners partners,
            PurchaseOrders purchaseOrders,
            Shipments shipments,
            Timelines timelines,
            TransactionTemplate transactions,
            Rematching rematching,
            Dispatch dispatch,
            Audit audit,
            Receipts receipts,
            Clock clock) {
        this.audit = audit;
        this.receipts = receipts;
        this.partners = partners;
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
        this.timelines = timelines;
        this.transactions = transactions;
        this.rematching = rematching;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /**
     * Applies the batch whole or not at all. {@code actor} is who sent it ({@code erp}, a user); {@code source} the
     * archived file it came in, if any. Locations in problems are {@code [i].field} within the batch.
     */
    public ImportResult apply(ErpBatch batch, String actor, MessageId source) {
        return transactions.execute(tx -> {
            var problems = new ArrayList<FieldProblem>();
            var conflict = checkPurchaseOrders(batch.purchaseOrders(), problems);
            checkShipments(batch.shipments(), problems);
            checkReceipts(batch.receipts(), problems);
            if (!problems.isEmpty()) {
                return new ImportResult.Rejected(problems, conflict);
            }
            var orderOutcomes = new LinkedHashMap<String, UpsertOutcome>();
            for (PurchaseOrder order : batch.purchaseOrders()) {
                UpsertOutcome outcome = purchaseOrders.upsert(order);
                orderOutcomes.put(order.number().value(), outcome);
                remember(
                        Subject.purchaseOrder(order.number().value()),
                        outcome,
                        order.lines().size() + " lines",
                        actor,
                        source);
            }
            var shipmentOutcomes = new LinkedHashMap<String, UpsertOutcome>();
            for (Shipment shipment : batch.shipments()) {
                UpsertOutcome outcome = shipments.upsert(shipment);
                shipmentOutcomes.put(shipment.id().value(), outcome);
                remember(
                        Subject.shipment(shipment.id().value()),
                        outcome,
                        "carrier " + shipment.carrierId()
                                + (shipment.brokerId() == null ? "" : ", customs broker " + shipment.brokerId())
                                + ", POs " + shipment.poNumbers(),
                        actor,
                        source);
            }
            var test = batch.purchaseOrders().stream()
                    .filter(PurchaseOrder::test)
                    .map(o -> o.number().value())
                    .collect(java.util.stream.Collectors.toSet());
            var changed = orderOutcomes.entrySet().stream()
                    .filter(e -> e.getValue() != UpsertOutcome.UNCHANGED && !test.contains(e.getKey()))
                    .map(Map.Entry::getKey)
                    .toList();
            // messages waiting for these POs are matched now, in the same transaction
            rematching.purchaseOrdersArrived(changed);
            // new POs go to their suppliers, new shipments are tendered to their carriers
            dispatch.placed(
                    batch.purchaseOrders().stream()
                            .filter(o -> orderOutcomes.get(o.number().value()) == UpsertOutcome.CREATED)
                            .toList(),
                    batch.shipments().stream()
                            .filter(s -> shipmentOutcomes.get(s.id().value()) == UpsertOutcome.CREATED)
                            .toList(),
                    batch.routes());
            var receiptOutcomes = new LinkedHashMap<String, UpsertOutcome>();
            for (GoodsReceipt receipt : batch.receipts()) {
                Partner supplier = partners.find(
                                purchaseOrders.ownerOf(receipt.poNumber()).orElseThrow())
                        .orElseThrow();
                receiptOutcomes.put(receipt.receiptId(), receipts.apply(receipt, supplier, actor, source));
            }
            var changes = new LinkedHashMap<String, Object>();
            changes.put("purchaseOrders", orderOutcomes);
            changes.put("shipments", shipmentOutcomes);
            if (!receiptOutcomes.isEmpty()) {
                changes.put("receipts", receiptOutcomes);
            }
            if (source != null) {
                changes.put("sourceMessage", source.toString());
                audit.recordVia("FILE", actor, AuditKind.ERP_IMPORTED, null, "erp", null, changes, null);
            } else {
                audit.record(actor, AuditKind.ERP_IMPORTED, null, "erp", null, changes, null);
            }
            return new ImportResult.Applied(orderOutcomes, shipmentOutcomes, receiptOutcomes);
        });
    }

    private boolean checkPurchaseOrders(List<PurchaseOrder> orders, List<FieldProblem> problems) {
        boolean conflict = false;
        var roles = new HashMap<PartnerId, Optional<PartnerRole>>();
        for (int i = 0; i < orders.size(); i++) {
            PurchaseOrder order = orders.get(i);
            String at = orders.size() > 1 ? "[" + i + "]." : "";
            Optional<PartnerRole> role = roles.computeIfAbsent(order.partnerId(), this::roleOf);
            if (role.isEmpty()) {
                problems.add(new FieldProblem(at + "partnerId", "unknown partner: " + order.partnerId()));
            } else if (role.get() != PartnerRole.SUPPLIER) {
                problems.add(new FieldProblem(
                        at + "partnerId", order.partnerId() + " is a " + role.get() + ", not a SUPPLIER"));
            }
            Optional<PurchaseOrder> existing = purchaseOrders.find(order.number(), PartnerScope.everyone());
            if (existing.isPresent() && !existing.get().partnerId().equals(order.partnerId())) {
                conflict = true;
                problems.add(new FieldProblem(
                        at + "partnerId",
                        "PO " + order.number() + " belongs to " + existing.get().partnerId()
                                + "; a PO cannot change supplier"));
            }
            if (existing.isPresent() && existing.get().test() != order.test()) {
                conflict = true;
                problems.add(new FieldProblem(
                        at + "test",
                        "PO " + order.number() + " is a " + (existing.get().test() ? "test" : "production")
                                + " PO; a PO cannot change between test and production"));
            }
        }
        return conflict;
    }

    /** A receipt is of a production PO we hold, and of its lines. */
    private void checkReceipts(List<GoodsReceipt> list, List<FieldProblem> problems) {
        for (int i = 0; i < list.size(); i++) {
            GoodsReceipt receipt = list.get(i);
            String at = list.size() > 1 ? "[" + i + "]." : "";
            Optional<PurchaseOrder> order = purchaseOrders.find(receipt.poNumber(), PartnerScope.everyone());
            if (order.isEmpty()) {
                problems.add(new FieldProblem(at + "poNumber", "unknown purchase order: " + receipt.poNumber()));
                continue;
            }
            for (int l = 0; l < receipt.lines().size(); l++) {
                String number = receipt.lines().get(l).lineNumber();
                if (order.get().lines().stream()
                        .noneMatch(line -> line.lineNumber().equals(number))) {
                    problems.add(new FieldProblem(
                            at + "lines[" + l + "].lineNumber", "PO " + receipt.poNumber() + " has no line " + number));
                }
            }
        }
    }

    private void checkShipments(List<Shipment> list, List<FieldProblem> problems) {
        var roles = new HashMap<PartnerId, Optional<PartnerRole>>();
        for (int i = 0; i < list.size(); i++) {
            Shipment shipment = list.get(i);
            String at = list.size() > 1 ? "[" + i + "]." : "";
            Optional<PartnerRole> role = roles.computeIfAbsent(shipment.carrierId(), this::roleOf);
            if (role.isEmpty()) {
                problems.add(new FieldProblem(at + "carrierId", "unknown partner: " + shipment.carrierId()));
            } else if (!role.get().movesShipments()) {
                problems.add(new FieldProblem(
                        at + "carrierId",
                        shipment.carrierId() + " is a " + role.get() + ", not a CARRIER or FORWARDER"));
            }
            if (shipment.brokerId() != null) {
                Optional<PartnerRole> broker = roles.computeIfAbsent(shipment.brokerId(), this::roleOf);
                if (broker.isEmpty()) {
                    problems.add(new FieldProblem(at + "brokerId", "unknown partner: " + shipment.brokerId()));
                } else if (broker.get() != PartnerRole.BROKER) {
                    problems.add(new FieldProblem(
                            at + "brokerId", shipment.brokerId() + " is a " + broker.get() + ", not a BROKER"));
                }
            }
            for (int p = 0; p < shipment.poNumbers().size(); p++) {
                PurchaseOrderNumber po = shipment.poNumbers().get(p);
                if (purchaseOrders.ownerOf(po).isEmpty()) {
                    problems.add(new FieldProblem(at + "poNumbers[" + p + "]", "unknown purchase order: " + po));
                }
            }
        }
    }

    private Optional<PartnerRole> roleOf(PartnerId id) {
        return partners.find(id).map(Partner::role);
    }

    private void remember(Subject subject, UpsertOutcome outcome, String what, String actor, MessageId source) {
        if (outcome == UpsertOutcome.UNCHANGED) {
            return;
        }
        String verb = outcome == UpsertOutcome.CREATED ? "created" : "updated";
        Map<String, Object> details = new HashMap<>();
        details.put("outcome", outcome.name());
        if (source != null) {
            details.put("sourceMessage", source.toString());
        }
        timelines.append(
                new TimelineEntry(
                        0,
                        subject,
                        clock.instant(),
                        TimelineKind.IMPORT,
                        subject.kind().equals(Subject.PURCHASE_ORDER)
                                ? "PO " + subject.key() + " " + verb + " by the ERP (" + what + ")"
                                : "Shipment " + subject.key() + " " + verb + " by the ERP (" + what + ")",
                        actor,
                        details,
                        true,
                        source),
                null);
    }
}
