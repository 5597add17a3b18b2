package io.seamline.coordination.invoices;

import io.seamline.adapters.persistence.AppliedSteps;
import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.Invoices;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.PurchaseOrders.InvoicedLine;
import io.seamline.coordination.erp.ErpWriteBack;
import io.seamline.coordination.policy.InvoiceRules;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.PolicyValues;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.shipment.Shipment;
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
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Invoice audit. A freight invoice (210, INVOIC) is compared with its shipment's expected freight and its accessorial
 * charges checked for evidence; a goods invoice (810, INVOIC) is matched three ways against PO price and shipped
 * quantity. Inside tolerance the invoice is APPROVED and written back to the ERP for payment; outside it is an
 * EXCEPTION with an INVOICE_EXCEPTION task, and a freight invoice is disputed with the carrier (824/APERAK) at once.
 */
@Component
public class InvoiceAudit {

    static final String NOTICE_DISPUTED = "invoice.disputed";

    private final Invoices invoices;
    private final PurchaseOrders purchaseOrders;
    private final Events events;
    private final AppliedSteps steps;
    private final Policies policies;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final ErpWriteBack erp;
    private final Clock clock;

    public InvoiceAudit(
            Invoices invoices,
            PurchaseOrders purchaseOrders,
            Events events,
            AppliedSteps steps,
            Policies policies,
            TaskOpening taskOpening,
            Timeline timeline,
            ErpWriteBack erp,
            Clock clock) {
        this.invoices = invoices;
        this.purchaseOrders = purchaseOrders;
        this.events = events;
        this.steps = steps;
        this.policies = policies;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.erp = erp;
        this.clock = clock;
    }

    public List<Response> coordinate(Correlated correlated) {
        Work work = correlated.work();
        var received = (InvoiceReceived) work.event().data();
        Subject subject = correlated.correlation().subject();
        Shipment shipment = correlated.correlation().shipment();
        Invoice invoice = invoices.receive(
                new Invoice(
                        work.partner().id(),
                        received.invoiceNumber(),
                        received.kind(),
                        received.invoiceDate(),
                        received.currency(),
                        received.total(),
                        InvoiceStatus.RECEIVED,
                        shipment == null ? null : shipment.id(),
                        correlated.correlation().orders().stream()
                                .map(o -> o.number().value())
                                .toList()),
                work.eventId());
        UUID first =
                invoices.eventOf(work.partner().id(), received.invoiceNumber()).orElse(work.eventId());
        if (!first.equals(work.eventId())) {
            return duplicate(work, received, subject, invoice);
        }
        List<PolicyDecision> decisions = received.kind() == InvoiceReceived.Kind.FREIGHT
                ? freight(received, shipment, policies.of(work.partner(), null))
                : goods(received, correlated, policies.of(work.partner(), null));
        for (PolicyDecision decision : decisions) {
            timeline.decision(subject, decision, work.message().id(), work.step("decision:" + decision.rule()));
        }
        if (decisions.stream().allMatch(PolicyDecision::applies)) {
            approve(
                    work.partner().id(),
                    received,
                    correlated,
                    subject,
                    work.message().id(),
                    work.step("approved"));
            return List.of();
        }
        invoices.setStatus(work.partner().id(), received.invoiceNumber(), InvoiceStatus.EXCEPTION);
        String why = decisions.stream()
                .filter(d -> !d.applies())
                .map(PolicyDecision::rationale)
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        var context = new LinkedHashMap<String, Object>();
        context.put("invoiceNumber", received.invoiceNumber());
        context.put("kind", received.kind().name());
        context.put("total", received.total());
        context.put("currency", received.currency());
        context.put("subject", subject.toString());
        context.put("messageId", work.message().id().toString());
        context.put("documentType", work.documentType());
        context.put(
                "decisions",
                decisions.stream()
                        .filter(d -> !d.applies())
                        .map(PolicyDecision::details)
                        .toList());
        taskOpening.open(
                TaskKind.INVOICE_EXCEPTION,
                subject,
                work.partner().id(),
                received.kind() + " invoice " + received.invoiceNumber() + ": " + why,
                context,
                TaskOpening.approveOrReject(
                        "approve the invoice as billed and send it to the ERP for payment",
                        "reject the invoice; the partner is told"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        if (received.kind() == InvoiceReceived.Kind.FREIGHT) {
            return List.of(dispute(
                    work.partner().id(),
                    received.invoiceNumber(),
                    subject,
                    "Freight invoice " + received.invoiceNumber() + " disputed: " + why,
                    work.documentType(),
                    work.message().id(),
                    work.step("disputed")));
        }
        return List.of();
    }

    /** A person decided an INVOICE_EXCEPTION task: pay it, or reject it and tell the partner. */
    public List<Response> decided(Task task, Decision decision, String comment, String actor, Partner partner) {
        Map<String, Object> context = task.context();
        String number = (String) context.get("invoiceNumber");
        Subject subject = Subject.parse((String) context.get("subject"));
        MessageId message =
                context.get("messageId") == null ? null : MessageId.parse((String) context.get("messageId"));
        String step = "task:" + task.id();
        if (decision == Decision.APPROVE) {
            invoices.setStatus(partner.id(), number, InvoiceStatus.APPROVED);
            writeBack(partner.id(), number, subject, "approved by " + actor, message, step + ":approved");
            return List.of();
        }
        invoices.setStatus(partner.id(), number, InvoiceStatus.REJECTED);
        String reason =
                "Invoice " + number + " rejected" + (comment == null || comment.isBlank() ? "" : ": " + comment);
        return List.of(dispute(
                partner.id(),
                number,
                subject,
                reason,
                (String) context.get("documentType"),
                message,
                step + ":rejected"));
    }

    private List<PolicyDecision> freight(InvoiceReceived invoice, Shipment shipment, PolicyValues values) {
        List<String> evidence =
                events.about(Subject.shipment(shipment.id().value()).toString(), DocumentReceived.TYPE).stream()
                        .map(e -> (DocumentReceived) e.data())
                        .map(d -> d.documentType() + " " + d.fileName())
                        .toList();
        return List.of(
                InvoiceRules.freight(invoice, shipment.expectedFreight(), values),
                InvoiceRules.accessorials(invoice, evidence, values));
    }

    private List<PolicyDecision> goods(InvoiceReceived invoice, Correlated correlated, PolicyValues values) {
        var matched = new ArrayList<InvoiceRules.MatchedLine>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceReceived.Line line = invoice.lines().get(i);
            PurchaseOrderLine poLine = correlated.correlation().lines().get(i);
            PurchaseOrder order = orderOf(correlated, poLine);
            BigDecimal quantity = line.quantity() == null ? BigDecimal.ZERO : line.quantity();
            BigDecimal amount = line.amount() != null
                    ? line.amount()
                    : line.unitPrice() == null
                            ? BigDecimal.ZERO
                            : line.unitPrice().multiply(quantity);
            BigDecimal delivered = poLine.shippedQuantity().max(poLine.receivedQuantity());
            matched.add(new InvoiceRules.MatchedLine(
                    order.number().value(),
                    poLine.lineNumber(),
                    quantity,
                    amount,
                    poLine.unitPrice(),
                    delivered.subtract(poLine.invoicedQuantity())));
        }
        return List.of(InvoiceRules.goods(invoice.invoiceNumber(), matched, values));
    }

    private void approve(
            PartnerId partner,
            InvoiceReceived received,
            Correlated correlated,
            Subject subject,
            MessageId message,
            String step) {
        invoices.setStatus(partner, received.invoiceNumber(), InvoiceStatus.APPROVED);
        if (received.kind() == InvoiceReceived.Kind.GOODS) {
            var invoiced = new ArrayList<InvoicedLine>();
            for (int i = 0; i < received.lines().size(); i++) {
                PurchaseOrderLine poLine = correlated.correlation().lines().get(i);
                BigDecimal quantity = received.lines().get(i).quantity();
                if (quantity != null) {
                    invoiced.add(new InvoicedLine(orderOf(correlated, poLine).number(), poLine.lineNumber(), quantity));
                }
            }
            if (!invoiced.isEmpty() && steps.once(step + ":invoiced", clock.instant())) {
                purchaseOrders.addInvoiced(invoiced);
            }
        }
        writeBack(partner, received.invoiceNumber(), subject, "approved inside tolerance", message, step);
    }

    private void writeBack(
            PartnerId partner, String number, Subject subject, String how, MessageId message, String step) {
        Invoice invoice = invoices.find(partner, number).orElseThrow();
        timeline.remember(
                subject,
                TimelineKind.EVENT,
                invoice.kind() + " invoice " + number + " " + how,
                Timeline.SYSTEM,
                Map.of("invoiceNumber", number, "status", InvoiceStatus.APPROVED.name()),
                message,
                step + ":timeline");
        var data = new LinkedHashMap<String, Object>();
        data.put("partnerId", partner.value());
        data.put("invoiceNumber", number);
        data.put("kind", invoice.kind().name());
        data.put(
                "invoiceDate",
                invoice.invoiceDate() == null ? null : invoice.invoiceDate().toString());
        data.put("currency", invoice.currency());
        data.put("total", invoice.total());
        data.put(
                "shipmentId",
                invoice.shipmentId() == null ? null : invoice.shipmentId().value());
        data.put("poNumbers", invoice.poNumbers());
        erp.send(subject, "invoice.approved", data, message, step);
    }

    private List<Response> duplicate(Work work, InvoiceReceived received, Subject subject, Invoice invoice) {
        taskOpening.open(
                TaskKind.INVOICE_EXCEPTION,
                subject,
                work.partner().id(),
                "Invoice " + received.invoiceNumber() + " was received before (now " + invoice.status() + ")",
                Map.of(
                        "invoiceNumber", received.invoiceNumber(),
                        "kind", received.kind().name(),
                        "subject", subject.toString(),
                        "messageId", work.message().id().toString(),
                        "documentType", work.documentType(),
                        "duplicate", true),
                TaskOpening.approveOrReject(
                        "pay it again (a genuine second invoice)", "reject the repeat; the partner is told"),
                work.eventId(),
                work.message().id(),
                work.step("task:duplicate"));
        return List.of();
    }

    private Response dispute(
            PartnerId partner,
            String number,
            Subject subject,
            String reason,
            String documentType,
            MessageId answers,
            String step) {
        var advice = new ApplicationAdvised(
                Response.adviceNumber(step),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                ApplicationAdvised.Outcome.REJECTED,
                "IV",
                number,
                documentType != null && documentType.matches("\\d{3}") ? documentType : null,
                null,
                List.of(new ApplicationAdvised.Error("ZZZ", reason)));
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", NOTICE_DISPUTED);
        notice.put("invoiceNumber", number);
        notice.put("reason", reason);
        return new Response(partner, subject, advice, notice, reason, answers, step);
    }

    private static PurchaseOrder orderOf(Correlated correlated, PurchaseOrderLine line) {
        return correlated.correlation().orders().stream()
                .filter(o -> o.lines().contains(line))
                .findFirst()
                .orElse(correlated.correlation().order());
    }
}
