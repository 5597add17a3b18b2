package io.seamline.coordination.invoices;

import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.Invoices;
import io.seamline.adapters.persistence.PurchaseOrders.InvoicedLine;
import io.seamline.coordination.effects.Deducting;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.policy.InvoiceRules;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.PolicyValues;
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
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Invoice audit. A freight invoice (210, INVOIC) is compared with its shipment's expected freight and its accessorial
 * charges checked for evidence; a goods invoice (810, INVOIC) is matched three ways against PO price and shipped
 * quantity. Inside tolerance the invoice is APPROVED and written back to the ERP for payment; outside it is an
 * EXCEPTION with an INVOICE_EXCEPTION task, and a freight invoice is disputed with the carrier (824/APERAK) at once.
 */
@Component
class InvoiceAudit implements DocumentWorkflow {

    static final String NOTICE_DISPUTED = "invoice.disputed";

    private final Matching matching;
    private final Relationships relationships;
    private final Invoices invoices;
    private final Events events;
    private final Policies policies;
    private final Clock clock;

    InvoiceAudit(
            Matching matching,
            Relationships relationships,
            Invoices invoices,
            Events events,
            Policies policies,
            Clock clock) {
        this.matching = matching;
        this.relationships = relationships;
        this.invoices = invoices;
        this.events = events;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(InvoiceReceived.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.INVOICE_EXCEPTION);
    }

    /**
     * A freight invoice is about the shipment the carrier carries that its references name (else one carrying its
     * POs); a goods invoice about the supplier's POs it names, each line matched to a PO line.
     */
    @Override
    public Correlation correlate(Work work) {
        var invoice = (InvoiceReceived) work.event().data();
        return invoice.kind() == InvoiceReceived.Kind.FREIGHT
                ? freightInvoice(work, invoice)
                : goodsInvoice(work, invoice);
    }

    private Correlation freightInvoice(Work work, InvoiceReceived invoice) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", invoice.references().shipmentId());
        refs.put("bol", invoice.references().bol());
        refs.put("pro", invoice.references().pro());
        refs.put("container", invoice.references().container());
        refs.put("booking", invoice.references().booking());
        refs.put("awb", invoice.references().awb());
        Optional<Shipment> shipment = matching.carriersShipment(work, refs, invoice.poNumbers());
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    Matching.messageSubject(work),
                    new Unmatched(
                            "freight invoice " + invoice.invoiceNumber() + " names no shipment of "
                                    + work.partner().id() + " (" + Matching.present(refs) + ")",
                            List.of(),
                            List.of(),
                            matching.assignable(work, refs)));
        }
        return matching.ofShipment(work.partner(), shipment.get());
    }

    private Correlation goodsInvoice(Work work, InvoiceReceived invoice) {
        var numbers = new LinkedHashSet<String>(invoice.poNumbers());
        invoice.lines().stream()
                .map(InvoiceReceived.Line::poNumber)
                .filter(p -> p != null)
                .forEach(numbers::add);
        var items = new ArrayList<String>();
        invoice.lines().forEach(l -> {
            Matching.addIfPresent(items, l.itemId());
            Matching.addIfPresent(items, l.partnerItemId());
        });
        var orders = new LinkedHashMap<String, PurchaseOrder>();
        for (String po : numbers) {
            Optional<PurchaseOrder> order = relationships.order(work.partner(), po, work.test());
            if (order.isEmpty()) {
                return Correlation.unmatched(
                        Matching.messageSubject(work),
                        new Unmatched(
                                "PO " + po + " is not a PO of " + work.partner().id(),
                                Matching.missing(po),
                                matching.candidateOrders(
                                        po, items, work.partner().id())));
            }
            orders.put(po, order.get());
        }
        if (orders.isEmpty()) {
            return Correlation.unmatched(
                    Matching.messageSubject(work),
                    new Unmatched(
                            "the invoice names no PO",
                            List.of(),
                            matching.candidateOrders(null, items, work.partner().id())));
        }
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        PurchaseOrder single = orders.size() == 1 ? orders.values().iterator().next() : null;
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceReceived.Line line = invoice.lines().get(i);
            PurchaseOrder order = line.poNumber() != null ? orders.get(line.poNumber()) : single;
            String number = line.poLine() != null ? line.poLine() : line.lineNumber();
            Optional<PurchaseOrderLine> matched = order == null
                    ? Optional.empty()
                    : Matching.line(order, number, line.itemId(), line.partnerItemId());
            if (matched.isEmpty()) {
                PurchaseOrder about =
                        order != null ? order : orders.values().iterator().next();
                return Correlation.unmatched(
                        Subject.purchaseOrder(about.number().value()),
                        order == null
                                ? new Unmatched(
                                        "invoice line " + line.lineNumber() + " matches no PO line",
                                        List.of(),
                                        List.of())
                                : Matching.lineNotFound(
                                        order, new Matching.EventLine(number, line.itemId(), line.partnerItemId())));
            }
            lines.put(i, matched.get());
        }
        return new Correlation(
                Subject.purchaseOrder(orders.values().iterator().next().number().value()),
                List.copyOf(orders.values()),
                lines,
                null,
                null,
                null);
    }

    @Override
    public String describe(EventData data) {
        var invoice = (InvoiceReceived) data;
        return invoice.kind() + " invoice " + invoice.invoiceNumber() + " for "
                + (invoice.total() == null ? "?" : plain(invoice.total())) + " "
                + (invoice.currency() == null ? "" : invoice.currency());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Records the invoice, audits it (freight against the expected freight and the evidence filed; goods three ways),
     * approves it or asks a person (a freight invoice is disputed at once); a freight invoice meets the one its
     * shipment's delivery made due.
     */
    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        List<Response> responses = audit(correlated, effects);
        Work work = correlated.work();
        if (((InvoiceReceived) work.event().data()).kind() == InvoiceReceived.Kind.FREIGHT) {
            effects.meet(
                    SlaProfile.Kind.INVOICE_FREIGHT,
                    correlated.correlation().subject(),
                    null,
                    work.message().id());
        }
        return responses;
    }

    private List<Response> audit(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var received = (InvoiceReceived) work.event().data();
        Subject subject = correlated.correlation().subject();
        Shipment shipment = correlated.correlation().shipment();
        Effects.ReceivedInvoice stored = effects.receive(
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
        Invoice invoice = stored.invoice();
        if (!stored.first()) {
            return duplicate(work, received, subject, invoice, effects);
        }
        List<PolicyDecision> decisions = received.purpose() != InvoiceReceived.Purpose.INVOICE
                ? List.of(note(received))
                : received.kind() == InvoiceReceived.Kind.FREIGHT
                        ? freight(received, shipment, policies.of(work.partner(), null))
                        : goods(received, correlated, policies.of(work.partner(), null));
        for (PolicyDecision decision : decisions) {
            effects.decision(subject, decision, work, work.step("decision:" + decision.rule()));
        }
        if (decisions.stream().allMatch(PolicyDecision::applies)) {
            approve(invoice, received, correlated, subject, work.message().id(), work.step("approved"), effects);
            return List.of();
        }
        effects.invoiceStatus(work.partner().id(), received.invoiceNumber(), InvoiceStatus.EXCEPTION);
        String why = decisions.stream()
                .filter(d -> !d.applies())
                .map(PolicyDecision::rationale)
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        var context = new TaskContext.InvoiceException(
                received.invoiceNumber(),
                received.kind(),
                received.total(),
                received.currency(),
                subject.toString(),
                work.message().id(),
                work.documentType(),
                decisions.stream()
                        .filter(d -> !d.applies())
                        .map(PolicyDecision::details)
                        .toList(),
                false);
        effects.openTask(
                context,
                subject,
                work.partner().id(),
                received.kind() + " invoice " + received.invoiceNumber() + ": " + why,
                TaskOpening.approveOrReject(
                        "approve the invoice as billed and send it to the ERP for payment",
                        "reject the invoice; the partner is told"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        if (received.kind() == InvoiceReceived.Kind.GOODS && received.purpose() == InvoiceReceived.Purpose.INVOICE) {
            overPrice(received, correlated, subject, work, effects);
        }
        if (received.kind() == InvoiceReceived.Kind.FREIGHT && received.purpose() == InvoiceReceived.Purpose.INVOICE) {
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

    /**
     * A goods invoice outside tolerance that bills lines above their PO price: the difference is a proposed deduction
     * (PRICE), for the person who approves the invoice to take back; its evidence is each line's billed and PO price.
     */
    private void overPrice(
            InvoiceReceived received, Correlated correlated, Subject subject, Work work, Effects effects) {
        BigDecimal excess = BigDecimal.ZERO;
        var lines = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < received.lines().size(); i++) {
            InvoiceReceived.Line line = received.lines().get(i);
            PurchaseOrderLine poLine = correlated.correlation().lines().get(i);
            if (poLine == null || poLine.unitPrice() == null || line.quantity() == null || line.unitPrice() == null) {
                continue;
            }
            BigDecimal over = line.unitPrice().subtract(poLine.unitPrice()).multiply(line.quantity());
            if (over.signum() > 0) {
                excess = excess.add(over);
                var evidence = new LinkedHashMap<String, Object>();
                evidence.put("poNumber", orderOf(correlated, poLine).number().value());
                evidence.put("poLine", poLine.lineNumber());
                evidence.put("quantity", line.quantity().toPlainString());
                evidence.put("billedUnitPrice", line.unitPrice().toPlainString());
                evidence.put("poUnitPrice", poLine.unitPrice().toPlainString());
                lines.add(evidence);
            }
        }
        if (excess.signum() <= 0) {
            return;
        }
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("invoiceNumber", received.invoiceNumber());
        evidence.put("messageId", work.message().id().toString());
        evidence.put("lines", lines);
        effects.proposeDeduction(new Deducting.Cause(
                work.partner().id(),
                subject,
                "PRICE",
                "invoice " + received.invoiceNumber() + " bills " + lines.size() + " line(s) above the PO price",
                excess,
                received.currency() == null
                        ? orderOf(
                                        correlated,
                                        correlated
                                                .correlation()
                                                .lines()
                                                .values()
                                                .iterator()
                                                .next())
                                .currency()
                        : received.currency(),
                evidence,
                work.message().id(),
                work.step("price-deduction")));
    }

    /** A person decided an INVOICE_EXCEPTION task: pay it, or reject it and tell the partner. */
    @Override
    public List<Response> decided(
            Task task, Decision decision, String comment, String actor, Partner partner, Effects effects) {
        var context = TaskContext.of(task, TaskContext.InvoiceException.class);
        String number = context.invoiceNumber();
        Subject subject = Subject.parse(context.subject());
        MessageId message = context.messageId();
        String step = "task:" + task.id();
        if (decision == Decision.APPROVE) {
            effects.invoiceStatus(partner.id(), number, InvoiceStatus.APPROVED);
            writeBack(
                    invoices.find(partner.id(), number).orElseThrow(),
                    message == null ? InvoiceReceived.Purpose.INVOICE : purposeOf(message, number),
                    subject,
                    "approved by " + actor,
                    message,
                    step + ":approved",
                    effects);
            return List.of();
        }
        effects.invoiceStatus(partner.id(), number, InvoiceStatus.REJECTED);
        String reason =
                "Invoice " + number + " rejected" + (comment == null || comment.isBlank() ? "" : ": " + comment);
        return List.of(
                dispute(partner.id(), number, subject, reason, context.documentType(), message, step + ":rejected"));
    }

    /**
     * A credit or debit note is never paid on its own: it corrects an invoice, and a person books it against that
     * invoice (its amounts as sent; the ERP is told its purpose).
     */
    private static PolicyDecision note(InvoiceReceived received) {
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("invoiceNumber", received.invoiceNumber());
        inputs.put("purpose", received.purpose().name());
        inputs.put("total", received.total());
        return new PolicyDecision(
                "invoice.purpose",
                1,
                inputs,
                PolicyDecision.Outcome.TASK,
                "a " + (received.purpose() == InvoiceReceived.Purpose.CREDIT ? "credit" : "debit")
                        + " note is booked by a person against the invoice it corrects");
    }

    /** The purpose of the invoice a message brought (a credit or debit note, else INVOICE). */
    private InvoiceReceived.Purpose purposeOf(MessageId message, String number) {
        return events.fromMessage(message).stream()
                .map(e -> e.data())
                .filter(d -> d instanceof InvoiceReceived invoice && number.equals(invoice.invoiceNumber()))
                .map(d -> ((InvoiceReceived) d).purpose())
                .findFirst()
                .orElse(InvoiceReceived.Purpose.INVOICE);
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
            Invoice invoice,
            InvoiceReceived received,
            Correlated correlated,
            Subject subject,
            MessageId message,
            String step,
            Effects effects) {
        effects.invoiceStatus(invoice.partnerId(), received.invoiceNumber(), InvoiceStatus.APPROVED);
        if (received.kind() == InvoiceReceived.Kind.GOODS) {
            var invoiced = new ArrayList<InvoicedLine>();
            for (int i = 0; i < received.lines().size(); i++) {
                PurchaseOrderLine poLine = correlated.correlation().lines().get(i);
                BigDecimal quantity = received.lines().get(i).quantity();
                if (quantity != null) {
                    invoiced.add(new InvoicedLine(orderOf(correlated, poLine).number(), poLine.lineNumber(), quantity));
                }
            }
            if (!invoiced.isEmpty()) {
                effects.invoiced(invoiced, step + ":invoiced");
            }
        }
        writeBack(invoice, received.purpose(), subject, "approved inside tolerance", message, step, effects);
    }

    private void writeBack(
            Invoice invoice,
            InvoiceReceived.Purpose purpose,
            Subject subject,
            String how,
            MessageId message,
            String step,
            Effects effects) {
        String number = invoice.number();
        PartnerId partner = invoice.partnerId();
        effects.remember(
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
        data.put("purpose", purpose.name());
        data.put(
                "invoiceDate",
                invoice.invoiceDate() == null ? null : invoice.invoiceDate().toString());
        data.put("currency", invoice.currency());
        data.put("total", invoice.total());
        data.put(
                "shipmentId",
                invoice.shipmentId() == null ? null : invoice.shipmentId().value());
        data.put("poNumbers", invoice.poNumbers());
        effects.writeBack(subject, "invoice.approved", data, message, step);
    }

    private List<Response> duplicate(
            Work work, InvoiceReceived received, Subject subject, Invoice invoice, Effects effects) {
        effects.openTask(
                new TaskContext.InvoiceException(
                        received.invoiceNumber(),
                        received.kind(),
                        null,
                        null,
                        subject.toString(),
                        work.message().id(),
                        work.documentType(),
                        List.of(),
                        true),
                subject,
                work.partner().id(),
                "Invoice " + received.invoiceNumber() + " was received before (now " + invoice.status() + ")",
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
