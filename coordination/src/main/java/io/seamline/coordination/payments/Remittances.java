package io.seamline.coordination.payments;

import io.seamline.adapters.persistence.Invoices;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.Payments;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.FieldProblem;
import io.seamline.model.Subject;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.outbound.RemittanceAdvised;
import io.seamline.model.partner.Partner;
import io.seamline.model.payment.Payment;
import io.seamline.model.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the ERP's payments, all of a request or none: each is recorded once (a resend changes nothing and tells
 * the partner nothing twice), its invoices received through Seamline are marked PAID with an entry on their timeline,
 * and the partner gets the remittance advice through its own channel: an 820 or REMADV for EDI partners, a notice
 * in the portal (and by webhook) or a mail for the others, each deduction with its reason code and note.
 */
@Service
public class Remittances {

    private final Payments payments;
    private final Invoices invoices;
    private final Partners partners;
    private final Responder responder;
    private final Timeline timeline;
    private final Audit audit;
    private final TransactionTemplate transactions;

    public Remittances(
            Payments payments,
            Invoices invoices,
            Partners partners,
            Responder responder,
            Timeline timeline,
            Audit audit,
            TransactionTemplate transactions) {
        this.payments = payments;
        this.invoices = invoices;
        this.partners = partners;
        this.responder = responder;
        this.timeline = timeline;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** What became of each payment, and the remittance advice sent for the new ones. */
    public sealed interface Result {
        record Applied(Map<String, UpsertOutcome> payments, Map<String, String> advices) implements Result {}

        record Rejected(List<FieldProblem> problems) implements Result {}
    }

    public Result apply(List<Payment> list, String actor) {
        return transactions.execute(tx -> {
            var problems = new ArrayList<FieldProblem>();
            for (int i = 0; i < list.size(); i++) {
                String at = list.size() > 1 ? "[" + i + "]." : "";
                Optional<Partner> partner = partners.find(list.get(i).partnerId());
                if (partner.isEmpty()) {
                    problems.add(new FieldProblem(
                            at + "partnerId", "unknown partner: " + list.get(i).partnerId()));
                }
            }
            if (!problems.isEmpty()) {
                return new Result.Rejected(problems);
            }
            var outcomes = new LinkedHashMap<String, UpsertOutcome>();
            var advices = new LinkedHashMap<String, String>();
            for (Payment payment : list) {
                if (!payments.record(payment)) {
                    outcomes.put(payment.paymentId(), UpsertOutcome.UNCHANGED);
                    continue;
                }
                outcomes.put(payment.paymentId(), UpsertOutcome.CREATED);
                paid(payment, actor);
                ArchivedMessage advice = responder.respond(advice(payment));
                if (advice != null) {
                    payments.advised(payment.paymentId(), advice.id());
                    advices.put(payment.paymentId(), advice.id().toString());
                }
            }
            var changes = new LinkedHashMap<String, Object>();
            changes.put("payments", outcomes);
            audit.record(actor, AuditKind.ERP_IMPORTED, null, "erp", null, changes, null);
            return new Result.Applied(outcomes, advices);
        });
    }

    /** Marks the invoices Seamline received as paid, with what was kept back, on what they bill. */
    private void paid(Payment payment, String actor) {
        for (Payment.PaidInvoice paid : payment.invoices()) {
            Optional<Invoice> invoice = invoices.find(payment.partnerId(), paid.invoiceNumber());
            if (invoice.isEmpty()) {
                continue;
            }
            invoices.setStatus(payment.partnerId(), paid.invoiceNumber(), InvoiceStatus.PAID);
            var details = new LinkedHashMap<String, Object>();
            details.put("paymentId", payment.paymentId());
            details.put("invoiceNumber", paid.invoiceNumber());
            details.put("paid", payment.paid(paid));
            details.put("deducted", paid.deducted());
            String summary = "Invoice " + paid.invoiceNumber() + " paid "
                    + paid.amount().toPlainString() + " "
                    + payment.currency() + " on " + payment.paidAt() + " (payment " + payment.paymentId() + ")"
                    + (paid.deductions().isEmpty()
                            ? ""
                            : ", " + paid.deducted().toPlainString() + " deducted: "
                                    + String.join(
                                            "; ",
                                            paid.deductions().stream()
                                                    .map(d -> d.reasonCode() + (d.note() == null ? "" : " " + d.note()))
                                                    .toList()));
            for (String po : invoice.get().poNumbers()) {
                timeline.remember(
                        Subject.purchaseOrder(po),
                        TimelineKind.IMPORT,
                        summary,
                        actor,
                        details,
                        null,
                        "payment:" + payment.paymentId() + ":" + paid.invoiceNumber() + ":" + po);
            }
            if (invoice.get().shipmentId() != null) {
                timeline.remember(
                        Subject.shipment(invoice.get().shipmentId().value()),
                        TimelineKind.IMPORT,
                        summary,
                        actor,
                        details,
                        null,
                        "payment:" + payment.paymentId() + ":" + paid.invoiceNumber() + ":shipment");
            }
        }
    }

    private static Response advice(Payment payment) {
        var document = new RemittanceAdvised(
                payment.paymentId(),
                payment.paidAt(),
                payment.currency(),
                payment.amount(),
                payment.invoices().stream()
                        .map(i -> new RemittanceAdvised.Invoice(
                                i.invoiceNumber(),
                                payment.paid(i),
                                i.deductions().stream()
                                        .map(d ->
                                                new RemittanceAdvised.Adjustment(d.amount(), d.reasonCode(), d.note()))
                                        .toList()))
                        .toList());
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", "payment.remitted");
        notice.put("paymentId", payment.paymentId());
        notice.put("paidAt", payment.paidAt().toString());
        notice.put("currency", payment.currency());
        notice.put("amount", payment.amount());
        notice.put(
                "invoices",
                payment.invoices().stream()
                        .map(i -> {
                            var invoice = new LinkedHashMap<String, Object>();
                            invoice.put("invoiceNumber", i.invoiceNumber());
                            invoice.put("amount", i.amount());
                            invoice.put("paid", payment.paid(i));
                            invoice.put(
                                    "deductions",
                                    i.deductions().stream()
                                            .map(d -> {
                                                var deduction = new LinkedHashMap<String, Object>();
                                                deduction.put("amount", d.amount());
                                                deduction.put("reasonCode", d.reasonCode());
                                                deduction.put("note", d.note());
                                                return deduction;
                                            })
                                            .toList());
                            return invoice;
                        })
                        .toList());
        return new Response(
                payment.partnerId(),
                new Subject(Subject.PARTNER, payment.partnerId().value()),
                document,
                notice,
                "Payment " + payment.paymentId() + " of " + payment.amount().toPlainString() + " " + payment.currency()
                        + " advised to " + payment.partnerId(),
                null,
                "payment:" + payment.paymentId() + ":advice");
    }
}
