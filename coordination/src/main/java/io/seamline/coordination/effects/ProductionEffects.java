package io.seamline.coordination.effects;

import io.seamline.adapters.persistence.AppliedSteps;
import io.seamline.adapters.persistence.Invoices;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.PartnerVersions;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.PurchaseOrders.InvoicedLine;
import io.seamline.adapters.persistence.PurchaseOrders.LineCommitment;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.writeback.ErpWriteBack;
import io.seamline.model.Subject;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The effects of production traffic, applied: each call changes what it says, in the message's transaction. */
@Component
public class ProductionEffects implements Effects {

    private final Timeline timeline;
    private final TaskOpening taskOpening;
    private final SlaExpectations expectations;
    private final PurchaseOrders purchaseOrders;
    private final Shipments shipments;
    private final Invoices invoices;
    private final Messages messages;
    private final AppliedSteps steps;
    private final ErpWriteBack erp;
    private final Clock clock;

    private final PartnerVersions versions;
    private final io.seamline.adapters.persistence.Deductions deductions;
    private final io.seamline.adapters.persistence.Bookings bookings;
    private final org.springframework.beans.factory.ObjectProvider<Deducting> deducting;

    public ProductionEffects(
            Timeline timeline,
            TaskOpening taskOpening,
            SlaExpectations expectations,
            PurchaseOrders purchaseOrders,
            Shipments shipments,
            Invoices invoices,
            Messages messages,
            AppliedSteps steps,
            ErpWriteBack erp,
            PartnerVersions versions,
            io.seamline.adapters.persistence.Deductions deductions,
            io.seamline.adapters.persistence.Bookings bookings,
            org.springframework.beans.factory.ObjectProvider<Deducting> deducting,
            Clock clock) {
        this.deducting = deducting;
        this.versions = versions;
        this.deductions = deductions;
        this.bookings = bookings;
        this.timeline = timeline;
        this.taskOpening = taskOpening;
        this.expectations = expectations;
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
        this.invoices = invoices;
        this.messages = messages;
        this.steps = steps;
        this.erp = erp;
        this.clock = clock;
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
        timeline.remember(subject, kind, summary, actor, details, message, step);
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
        timeline.note(subject, kind, summary, actor, details, message, step);
    }

    @Override
    public void decision(Subject subject, PolicyDecision decision, Work work, String step) {
        timeline.decision(subject, decision, configuration(work), work.message().id(), step);
    }

    /**
     * The configuration a message's decisions ran with: its partner and the version of the partner's configuration
     * in force (so "why was this accepted?" answers with the exact tolerances).
     */
    private Map<String, Object> configuration(Work work) {
        PartnerId partner = work.partner().id();
        return Map.of("partnerId", partner.value(), "version", versions.current(partner));
    }

    @Override
    public void applied(Subject subject, List<Timeline.Decided> decisions, Work work, String step) {
        timeline.applied(subject, decisions, configuration(work), work.message().id(), step);
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
        taskOpening.open(context, subject, partner, summary, suggestions, eventId, message, step);
    }

    @Override
    public void expect(
            String kind, Subject subject, PartnerId partner, String reference, MessageId openedBy, String step) {
        expectations.expect(kind, subject, partner, reference, openedBy, step);
    }

    @Override
    public void meet(String kind, Subject subject, String reference, MessageId by) {
        expectations.met(kind, subject, reference, by);
    }

    @Override
    public void shipNoticeDue(PurchaseOrderNumber po, PartnerId supplier, MessageId by) {
        expectations.shipNoticeDue(po, supplier, by);
    }

    @Override
    public void acknowledged(PurchaseOrderNumber po) {
        purchaseOrders.acknowledged(po);
    }

    @Override
    public void commit(PurchaseOrderNumber po, List<LineCommitment> lines) {
        purchaseOrders.commit(po, lines);
    }

    @Override
    public void refreshShipped(PurchaseOrderNumber po) {
        purchaseOrders.refreshShipped(po);
    }

    @Override
    public void invoiced(List<InvoicedLine> lines, String step) {
        if (steps.once(step, clock.instant())) {
            purchaseOrders.addInvoiced(lines);
        }
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
        shipments.advise(shipment, supplier, carrier, references, shipDate, estimatedDelivery, poNumbers);
    }

    @Override
    public void carries(ShipmentId shipment, List<ShipmentLine> lines) {
        shipments.putLines(shipment, lines);
    }

    @Override
    public void reportStatus(
            ShipmentId shipment, ShipmentStatus status, LocalDateTime estimatedDelivery, Instant deliveredAt) {
        shipments.reportStatus(shipment, status, estimatedDelivery, deliveredAt);
    }

    @Override
    public boolean assign(ShipmentId shipment, PartnerRole role, PartnerId partner) {
        return shipments.assign(shipment, role, partner);
    }

    @Override
    public ReceivedInvoice receive(Invoice invoice, UUID eventId) {
        Invoice stored = invoices.receive(invoice, eventId);
        boolean first = invoices.eventOf(invoice.partnerId(), invoice.number())
                .map(eventId::equals)
                .orElse(true);
        return new ReceivedInvoice(stored, first);
    }

    @Override
    public void invoiceStatus(PartnerId partner, String invoiceNumber, InvoiceStatus status) {
        invoices.setStatus(partner, invoiceNumber, status);
    }

    @Override
    public boolean deductionStatus(java.util.UUID deduction, List<Deduction.Status> from, Deduction.Status to) {
        return deductions.move(deduction, from, to);
    }

    @Override
    public void proposeDeduction(Deducting.Cause cause) {
        deducting.getObject().propose(cause);
    }

    @Override
    public boolean deductionDisputed(java.util.UUID deduction, String reason) {
        return deductions.dispute(deduction, reason);
    }

    @Override
    public void bookingAnswered(ShipmentId shipment, BookingConfirmed answer, MessageId by) {
        bookings.answered(shipment.value(), answer, by);
    }

    @Override
    public void acknowledgedBy(MessageId ours, MessageId acknowledgement, boolean accepted) {
        messages.linkAcknowledgement(ours, acknowledgement);
        if (accepted) {
            messages.transition(
                    ours,
                    List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED),
                    MessageStatus.ACKNOWLEDGED,
                    null,
                    clock.instant());
        }
    }

    @Override
    public void writeBack(Subject subject, String type, Map<String, Object> data, MessageId cause, String step) {
        erp.send(subject, type, data, cause, step);
    }
}
