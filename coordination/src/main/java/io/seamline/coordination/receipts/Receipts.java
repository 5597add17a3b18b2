package io.seamline.coordination.receipts;

import io.seamline.adapters.persistence.GoodsReceipts;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.coordination.deductions.DeductionProposals;
import io.seamline.coordination.effects.Deducting;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.PolicyValues;
import io.seamline.coordination.policy.ReceiptRules;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.outbound.ReceiptAdvised;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Applies one goods receipt of the ERP's, in the import's transaction: once per receipt id. What was accepted becomes
 * the lines' received quantity (and OTIF's delivery); each line is compared with what was shipped (the receipt's
 * shipment, else what the PO's ship notices shipped and earlier receipts did not take). Beyond the supplier's
 * tolerance, goods short or rejected are a proposed deduction for a person and goods over a RECEIPT_DISCREPANCY, or,
 * when the policy says no person is needed, a note on the PO; a supplier that wants it gets a receipt advice.
 */
@Service
public class Receipts {

    private final GoodsReceipts receipts;
    private final PurchaseOrders purchaseOrders;
    private final Policies policies;
    private final DeductionProposals deductions;
    private final TaskOpening tasks;
    private final Timeline timeline;
    private final Responder responder;

    public Receipts(
            GoodsReceipts receipts,
            PurchaseOrders purchaseOrders,
            Policies policies,
            DeductionProposals deductions,
            TaskOpening tasks,
            Timeline timeline,
            Responder responder) {
        this.receipts = receipts;
        this.purchaseOrders = purchaseOrders;
        this.policies = policies;
        this.deductions = deductions;
        this.tasks = tasks;
        this.timeline = timeline;
        this.responder = responder;
    }

    /** One line as received, beside what was shipped (null when no ship notice says). */
    record Compared(PurchaseOrderLine poLine, GoodsReceipt.Line line, BigDecimal shipped, BigDecimal tolerance) {

        BigDecimal missing() {
            return shipped == null
                    ? BigDecimal.ZERO
                    : shipped.subtract(line.quantity()).max(BigDecimal.ZERO);
        }

        BigDecimal over() {
            return shipped == null
                    ? BigDecimal.ZERO
                    : line.quantity().subtract(shipped).max(BigDecimal.ZERO);
        }

        boolean shortBeyondTolerance() {
            return missing().compareTo(tolerance) > 0;
        }

        /** What we deduct for: goods missing beyond tolerance, and goods rejected. */
        BigDecimal deductible() {
            return (shortBeyondTolerance() ? missing() : BigDecimal.ZERO).add(line.rejectedQuantity());
        }

        boolean overBeyondTolerance() {
            return over().compareTo(tolerance) > 0;
        }

        Map<String, Object> facts() {
            var facts = new LinkedHashMap<String, Object>();
            facts.put("lineNumber", line.lineNumber());
            facts.put("itemId", poLine.itemId());
            facts.put("shipped", shipped == null ? null : shipped.toPlainString());
            facts.put("received", line.quantity().toPlainString());
            facts.put("rejected", line.rejectedQuantity().toPlainString());
            if (line.reason() != null) {
                facts.put("reason", line.reason());
            }
            facts.put(
                    "unitPrice",
                    poLine.unitPrice() == null ? null : poLine.unitPrice().toPlainString());
            return facts;
        }
    }

    /** Applies the receipt (its PO exists and has its lines: checked before); UNCHANGED when it was applied before. */
    public UpsertOutcome apply(GoodsReceipt receipt, Partner supplier, String actor, MessageId source) {
        PurchaseOrder order =
                purchaseOrders.find(receipt.poNumber(), PartnerScope.everyone()).orElseThrow();
        Map<String, BigDecimal> onShipment =
                receipt.shipmentId() == null ? null : receipts.shipped(receipt.shipmentId(), receipt.poNumber());
        if (onShipment != null && onShipment.isEmpty()) {
            // no ship notice put this PO on that shipment: compare with what the PO's notices shipped
            onShipment = null;
        }
        PolicyValues values = policies.of(supplier, null);
        var compared = new ArrayList<Compared>();
        for (GoodsReceipt.Line line : receipt.lines()) {
            PurchaseOrderLine poLine = order.lines().stream()
                    .filter(l -> l.lineNumber().equals(line.lineNumber()))
                    .findFirst()
                    .orElseThrow();
            BigDecimal shipped = onShipment != null
                    ? onShipment.getOrDefault(line.lineNumber(), BigDecimal.ZERO)
                    : poLine.shippedQuantity().signum() == 0
                            ? null
                            : poLine.shippedQuantity()
                                    .subtract(receipts.receivedBefore(
                                            receipt.poNumber(), line.lineNumber(), receipt.receiptId()))
                                    .max(BigDecimal.ZERO);
            compared.add(new Compared(
                    poLine,
                    line,
                    shipped,
                    shipped == null ? BigDecimal.ZERO : ReceiptRules.tolerance(values, shipped)));
        }
        if (!receipts.record(receipt, order.partnerId())) {
            return UpsertOutcome.UNCHANGED;
        }
        Subject subject = Subject.purchaseOrder(order.number().value());
        String step = "receipt:" + receipt.receiptId();
        var details = new LinkedHashMap<String, Object>();
        details.put("receiptId", receipt.receiptId());
        details.put("shipmentId", receipt.shipmentId());
        details.put("lines", compared.stream().map(Compared::facts).toList());
        timeline.remember(
                subject,
                TimelineKind.IMPORT,
                "Goods receipt " + receipt.receiptId() + ": " + describe(compared),
                actor,
                details,
                source,
                step);
        boolean person = ReceiptRules.needsPerson(values);
        List<Compared> deductible =
                compared.stream().filter(c -> c.deductible().signum() > 0).toList();
        List<Compared> over =
                compared.stream().filter(Compared::overBeyondTolerance).toList();
        if (person && !deductible.isEmpty()) {
            proposeDeduction(receipt, order, supplier, deductible, source, step);
        }
        if (person && !over.isEmpty()) {
            tasks.open(
                    new TaskContext.ReceiptDiscrepancy(
                            receipt.receiptId(),
                            order.number().value(),
                            over.stream().map(Compared::facts).toList()),
                    subject,
                    supplier.id(),
                    "Receipt " + receipt.receiptId() + " of PO " + order.number() + " has more than was shipped: "
                            + describe(over),
                    TaskOpening.approveOrReject("keep what came", "ask the supplier to collect the surplus"),
                    null,
                    source,
                    step + ":over");
        }
        if (!person && (!deductible.isEmpty() || !over.isEmpty())) {
            timeline.remember(
                    subject,
                    TimelineKind.DECISION,
                    "Receipt discrepancy noted (policy: no person needed): "
                            + describe(deductible.isEmpty() ? over : deductible),
                    Timeline.SYSTEM,
                    details,
                    source,
                    step + ":noted");
        }
        if (ReceiptRules.advice(values)) {
            advise(receipt, order, compared);
        }
        return UpsertOutcome.CREATED;
    }

    private void proposeDeduction(
            GoodsReceipt receipt,
            PurchaseOrder order,
            Partner supplier,
            List<Compared> deductible,
            MessageId source,
            String step) {
        BigDecimal amount = deductible.stream()
                .map(c -> c.deductible()
                        .multiply(
                                c.poLine().unitPrice() == null
                                        ? BigDecimal.ZERO
                                        : c.poLine().unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.signum() <= 0) {
            return;
        }
        boolean missing = deductible.stream().anyMatch(Compared::shortBeyondTolerance);
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("receiptId", receipt.receiptId());
        evidence.put("poNumber", order.number().value());
        evidence.put("shipmentId", receipt.shipmentId());
        evidence.put("receivedAt", receipt.receivedAt().toString());
        evidence.put("lines", deductible.stream().map(Compared::facts).toList());
        deductions.propose(new Deducting.Cause(
                supplier.id(),
                Subject.purchaseOrder(order.number().value()),
                missing ? "SHORT" : "REJECTED",
                "receipt " + receipt.receiptId() + " of PO " + order.number() + ": " + describe(deductible),
                amount,
                order.currency(),
                evidence,
                source,
                step));
    }

    private void advise(GoodsReceipt receipt, PurchaseOrder order, List<Compared> compared) {
        var document = new ReceiptAdvised(
                receipt.receiptId(),
                order.number().value(),
                receipt.receivedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                receipt.shipmentId(),
                compared.stream()
                        .map(c -> new ReceiptAdvised.Line(
                                c.line().lineNumber(),
                                c.poLine().itemId(),
                                c.poLine().partnerItemId(),
                                c.poLine().unit(),
                                c.line().accepted(),
                                c.line().rejectedQuantity(),
                                c.line().reason()))
                        .toList());
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", "receipt.advised");
        notice.put("receiptId", receipt.receiptId());
        notice.put("poNumber", order.number().value());
        notice.put("receivedAt", receipt.receivedAt().toString());
        notice.put("lines", compared.stream().map(Compared::facts).toList());
        responder.respond(new Response(
                order.partnerId(),
                Subject.purchaseOrder(order.number().value()),
                document,
                notice,
                "Receipt " + receipt.receiptId() + " of PO " + order.number() + " advised to " + order.partnerId(),
                null,
                "receipt:" + receipt.receiptId() + ":advice"));
    }

    private static String describe(List<Compared> lines) {
        var parts = new ArrayList<String>();
        for (Compared c : lines) {
            String part = "line " + c.line().lineNumber() + " received "
                    + c.line().quantity().toPlainString()
                    + (c.shipped() == null ? "" : " of " + c.shipped().toPlainString() + " shipped");
            if (c.line().rejectedQuantity().signum() > 0) {
                part += ", " + c.line().rejectedQuantity().toPlainString() + " rejected"
                        + (c.line().reason() == null ? "" : " (" + c.line().reason() + ")");
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }
}
