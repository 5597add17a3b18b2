package io.seamline.coordination.effects;

import io.seamline.adapters.persistence.PurchaseOrders.InvoicedLine;
import io.seamline.adapters.persistence.PurchaseOrders.LineCommitment;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.payment.Deduction;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The effects of traffic that must not change production (test traffic, replays): each call is recorded, in order,
 * with what it would have done, and nothing else happens. The workflows run exactly as in production; what they would
 * have changed is {@link #recorded()}. One instance per run; not thread-safe.
 */
public final class RecordingEffects implements Effects {

    /** One effect that would have happened: what ({@code timeline.entry}, {@code task.opened}, …), on what, and how. */
    public record Recorded(String effect, Subject subject, String summary, Map<String, Object> details) {

        public Recorded {
            Objects.requireNonNull(effect, "effect");
            details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }

    private final List<Recorded> recorded = new ArrayList<>();

    /** What would have happened, in the order the workflows asked for it. */
    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    /** The recorded effects of one kind ({@code task.opened}, {@code erp.write-back}, …). */
    public List<Recorded> recorded(String effect) {
        return recorded.stream().filter(r -> r.effect().equals(effect)).toList();
    }

    private void record(String effect, Subject subject, String summary, Map<String, Object> details) {
        recorded.add(new Recorded(effect, subject, summary, details));
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        var details = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put((String) keysAndValues[i], value instanceof Enum<?> e ? e.name() : value);
            }
        }
        return details;
    }

    @Override
    public void remember(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String step) {
        record("timeline.entry", subject, summary, details("kind", kind, "actor", actor, "details", details));
    }

    @Override
    public void note(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String step) {
        record(
                "timeline.note",
                subject,
                summary,
                details("kind", kind, "actor", actor, "details", details, "internal", true));
    }

    @Override
    public void decision(Subject subject, PolicyDecision decision, Work work, String step) {
        record(
                "decision",
                subject,
                decision.rationale(),
                details(
                        "rule",
                        decision.rule(),
                        "version",
                        decision.version(),
                        "outcome",
                        decision.outcome(),
                        "inputs",
                        decision.inputs(),
                        "about",
                        step));
    }

    @Override
    public void applied(Subject subject, List<Timeline.Decided> decisions, Work work, String step) {
        if (decisions.isEmpty()) {
            return;
        }
        record(
                "decisions.applied",
                subject,
                decisions.size() + " decision(s) inside the agreed tolerances",
                details(
                        "decisions",
                        decisions.stream()
                                .map(d -> (Object) Map.of(
                                        "about",
                                        d.about(),
                                        "rule",
                                        d.decision().rule(),
                                        "outcome",
                                        d.decision().outcome().name(),
                                        "rationale",
                                        d.decision().rationale(),
                                        "inputs",
                                        d.decision().inputs()))
                                .toList()));
    }

    @Override
    public void openTask(
            TaskContext context,
            Subject subject,
            PartnerId partner,
            String summary,
            List<Map<String, Object>> suggestions,
            UUID eventId,
            MessageId message,
            String step) {
        record(
                "task.opened",
                subject,
                summary,
                details("kind", context.taskKind(), "partnerId", partner, "context", TaskContext.toMap(context)));
    }

    @Override
    public void expect(
            String kind, Subject subject, PartnerId partner, String reference, MessageId openedBy, String step) {
        record(
                "sla.expected",
                subject,
                kind + " expected",
                details("kind", kind, "partnerId", partner, "reference", reference));
    }

    @Override
    public void meet(String kind, Subject subject, String reference, MessageId by) {
        record("sla.met", subject, kind + " met", details("kind", kind, "reference", reference));
    }

    @Override
    public void shipNoticeDue(PurchaseOrderNumber po, PartnerId supplier, MessageId by) {
        record(
                "sla.expected",
                Subject.purchaseOrder(po.value()),
                "ship notice due",
                details("kind", "asn.due", "partnerId", supplier));
    }

    @Override
    public void acknowledged(PurchaseOrderNumber po) {
        record("po.acknowledged", Subject.purchaseOrder(po.value()), "PO " + po + " acknowledged", Map.of());
    }

    @Override
    public void commit(PurchaseOrderNumber po, List<LineCommitment> lines) {
        record(
                "po.committed",
                Subject.purchaseOrder(po.value()),
                "PO " + po + ": " + lines.size() + " line(s) committed",
                details(
                        "lines",
                        lines.stream()
                                .map(l -> details(
                                        "lineNumber", l.lineNumber(),
                                        "status", l.status(),
                                        "quantity", l.quantity(),
                                        "promisedDate", l.date()))
                                .toList()));
    }

    @Override
    public void refreshShipped(PurchaseOrderNumber po) {
        record("po.shipped-refreshed", Subject.purchaseOrder(po.value()), "PO " + po + " shipped quantities", Map.of());
    }

    @Override
    public void invoiced(List<InvoicedLine> lines, String step) {
        record("po.invoiced", null, lines.size() + " PO line(s) invoiced", details("lines", lines.size()));
    }

    @Override
    public void advise(
            ShipmentId shipment,
            PartnerId supplier,
            PartnerId carrier,
            ShipmentReferences references,
            LocalDate shipDate,
            LocalDateTime estimatedDelivery,
            List<PurchaseOrderNumber> poNumbers) {
        record(
                "shipment.advised",
                Subject.shipment(shipment.value()),
                "Shipment " + shipment + " advised",
                details(
                        "supplier", supplier,
                        "carrier", carrier,
                        "shipDate", shipDate,
                        "estimatedDelivery", estimatedDelivery,
                        "poNumbers",
                                poNumbers.stream()
                                        .map(PurchaseOrderNumber::value)
                                        .toList()));
    }

    @Override
    public void carries(ShipmentId shipment, List<ShipmentLine> lines) {
        record(
                "shipment.lines",
                Subject.shipment(shipment.value()),
                "Shipment " + shipment + " carries " + lines.size() + " PO line(s)",
                details(
                        "lines",
                        lines.stream()
                                .map(l -> l.poNumber().value() + " line " + l.lineNumber() + ": " + l.quantity())
                                .toList()));
    }

    @Override
    public void reportStatus(
            ShipmentId shipment, ShipmentStatus status, LocalDateTime estimatedDelivery, Instant deliveredAt) {
        record(
                "shipment.status",
                Subject.shipment(shipment.value()),
                "Shipment " + shipment + " " + status,
                details("status", status, "estimatedDelivery", estimatedDelivery, "deliveredAt", deliveredAt));
    }

    @Override
    public boolean assign(ShipmentId shipment, PartnerRole role, PartnerId partner) {
        record(
                "shipment.assigned",
                Subject.shipment(shipment.value()),
                partner + " as " + role + " of " + shipment,
                details("role", role, "partnerId", partner));
        return true;
    }

    /** As if the invoice were new: the workflow audits it as production would audit a first copy. */
    @Override
    public ReceivedInvoice receive(Invoice invoice, UUID eventId) {
        record(
                "invoice.received",
                null,
                "Invoice " + invoice.number() + " received",
                details("partnerId", invoice.partnerId(), "invoiceNumber", invoice.number()));
        return new ReceivedInvoice(invoice, true);
    }

    @Override
    public void invoiceStatus(PartnerId partner, String invoiceNumber, InvoiceStatus status) {
        record(
                "invoice.status",
                null,
                "Invoice " + invoiceNumber + " " + status,
                details("partnerId", partner, "invoiceNumber", invoiceNumber, "status", status));
    }

    @Override
    public boolean deductionStatus(java.util.UUID deduction, List<Deduction.Status> from, Deduction.Status to) {
        record(
                "deduction.status",
                null,
                "Deduction " + deduction + " " + to,
                details("deduction", deduction, "to", to));
        return true;
    }

    @Override
    public void proposeDeduction(Deducting.Cause cause) {
        record(
                "deduction.proposed",
                cause.subject(),
                "Deduction of " + cause.amount().toPlainString() + " " + cause.currency() + " from " + cause.partner()
                        + ": " + cause.reason(),
                details("reasonCode", cause.reasonCode(), "amount", cause.amount(), "evidence", cause.evidence()));
    }

    @Override
    public boolean deductionDisputed(java.util.UUID deduction, String reason) {
        record(
                "deduction.disputed",
                null,
                "Deduction " + deduction + " disputed",
                details("deduction", deduction, "reason", reason));
        return true;
    }

    @Override
    public void bookingAnswered(ShipmentId shipment, BookingConfirmed answer, MessageId by) {
        record(
                "booking.answered",
                Subject.shipment(shipment.value()),
                "Booking " + answer.bookingNumber() + " " + answer.decision(),
                details("decision", answer.decision(), "bookingNumber", answer.bookingNumber()));
    }

    @Override
    public void acknowledgedBy(MessageId ours, MessageId acknowledgement, boolean accepted) {
        record(
                "message.acknowledged",
                new Subject(Subject.MESSAGE, ours.toString()),
                "Our message " + ours + (accepted ? " accepted" : " rejected"),
                details("accepted", accepted));
    }

    /** An answer the workflow decided on, which the partner would have been sent (test traffic is not answered). */
    public void answered(io.seamline.coordination.steps.Response response) {
        record(
                "answer",
                response.subject(),
                response.summary(),
                details(
                        "document",
                        response.document() == null
                                ? null
                                : response.document().getClass().getSimpleName(),
                        "notice",
                        response.notice().get("type")));
    }

    @Override
    public void writeBack(Subject subject, String type, Map<String, Object> data, MessageId cause, String step) {
        record("erp.write-back", subject, type, details("type", type, "data", data));
    }
}
