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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a document's workflow does to the world, behind one port: the timeline, tasks for people, SLA
 * expectations, the state of POs, shipments, invoices and our sent messages, and what is written back to the ERP.
 * What the partner hears back is not an effect of this port: a workflow returns it ({@link
 * io.seamline.coordination.steps.Response}) and the pipeline's respond step sends it. Workflows read what they need
 * from the repositories and change nothing but through here.
 *
 * <p>{@link ProductionEffects} applies each effect, in the transaction of the message. A second implementation can
 * record what would have happened instead (test traffic, replays), and so run exactly the production logic.
 * Every method that may run twice for one message takes a step key: the second call changes nothing.
 */
public interface Effects {

    // the timeline (execution memory)

    /** An entry partners may see on the subject's timeline. */
    void remember(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String step);

    /** An entry for our own people only. */
    void note(
            Subject subject,
            TimelineKind kind,
            String summary,
            String actor,
            Map<String, Object> details,
            MessageId message,
            String step);

    /**
     * A decision with its rule, version, inputs, outcome and rationale, taken for {@code work} (its message, and its
     * partner, whose configuration version the entry names).
     */
    void decision(Subject subject, PolicyDecision decision, Work work, String step);

    /** Decisions inside the agreed tolerances, one entry for all of a message's on one subject. */
    void applied(Subject subject, List<Timeline.Decided> decisions, Work work, String step);

    // people's work

    /**
     * A task for a person, of the kind its context says, with what they decide on and the gateway's suggestions; the
     * event waits for it.
     */
    void openTask(
            TaskContext context,
            Subject subject,
            PartnerId partner,
            String summary,
            List<Map<String, Object>> suggestions,
            UUID eventId,
            MessageId message,
            String step);

    // SLA expectations

    /** A partner now owes {@code kind} about {@code subject}, due by its SLA profile. */
    void expect(String kind, Subject subject, PartnerId partner, String reference, MessageId openedBy, String step);

    /** What a fact fulfils: on time, or after its breach. */
    void meet(String kind, Subject subject, String reference, MessageId by);

    /** The supplier committed: its ship notice is due before the earliest date of the PO's lines still to ship. */
    void shipNoticeDue(PurchaseOrderNumber po, PartnerId supplier, MessageId by);

    // purchase orders

    /** The supplier acknowledged the PO. */
    void acknowledged(PurchaseOrderNumber po);

    /** What the supplier committed to on lines of the PO (promised quantity, date, status). */
    void commit(PurchaseOrderNumber po, List<LineCommitment> lines);

    /** The PO's shipped quantities follow what its shipments carry. */
    void refreshShipped(PurchaseOrderNumber po);

    /** Quantities invoiced on PO lines, once per step (invoiced quantities add up). */
    void invoiced(List<InvoicedLine> lines, String step);

    // shipments

    /** What a ship notice says of a shipment: created when new, references and dates filled in, its POs linked. */
    void advise(
            ShipmentId shipment,
            PartnerId supplier,
            PartnerId carrier,
            ShipmentReferences references,
            LocalDate shipDate,
            LocalDateTime estimatedDelivery,
            List<PurchaseOrderNumber> poNumbers);

    /** What a shipment carries of PO lines. */
    void carries(ShipmentId shipment, List<ShipmentLine> lines);

    /** The carrier's latest status, ETA and (once) delivery. */
    void reportStatus(ShipmentId shipment, ShipmentStatus status, LocalDateTime estimatedDelivery, Instant deliveredAt);

    /** Makes the partner the shipment's carrier or broker when it has none; true when it is that party now. */
    boolean assign(ShipmentId shipment, PartnerRole role, PartnerId partner);

    // invoices

    /**
     * Records an invoice as received (once per partner and number): the invoice as stored, and whether this event is
     * the one that first brought it (else the partner sent the number before).
     */
    ReceivedInvoice receive(Invoice invoice, UUID eventId);

    /** An invoice as stored, and whether the event at hand is the one that first brought it. */
    record ReceivedInvoice(Invoice invoice, boolean first) {}

    void invoiceStatus(PartnerId partner, String invoiceNumber, InvoiceStatus status);

    // deductions and bookings

    /** Moves a deduction from one of {@code from} to {@code to}; false when it stood elsewhere. */
    boolean deductionStatus(java.util.UUID deduction, List<Deduction.Status> from, Deduction.Status to);

    /** Proposes a deduction for a person to decide (nothing reaches the partner before it is approved). */
    void proposeDeduction(Deducting.Cause cause);

    /** The partner disputes the deduction; false when it cannot be disputed in its state. */
    boolean deductionDisputed(java.util.UUID deduction, String reason);

    /** What the forwarder answered to our booking of the shipment. */
    void bookingAnswered(ShipmentId shipment, BookingConfirmed answer, MessageId by);

    // our messages

    /** A partner's functional acknowledgement of a message we sent: linked, and ACKNOWLEDGED when it accepts it. */
    void acknowledgedBy(MessageId ours, MessageId acknowledgement, boolean accepted);

    // the ERP

    /** A completed outcome for the ERP (commitment.applied, shipment.advised, …), once per step. */
    void writeBack(Subject subject, String type, Map<String, Object> data, MessageId cause, String step);
}
