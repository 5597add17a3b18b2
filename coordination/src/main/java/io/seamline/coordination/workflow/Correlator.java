package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.timeline.Describe;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Matches each event to what it is about and records that on the subject's timeline (the message, the event, the
 * correlation). Every reference is looked up inside the sender's relationship ({@link Relationships}): a PO,
 * shipment or invoice reference outside it matches nothing, exactly like a reference to nothing, and the attempt is
 * recorded on the sender's message, never on the other partner's objects. POs are locked as they are matched, so two
 * messages about one PO are applied one after the other.
 */
@Service
public class Correlator {

    private final Relationships relationships;
    private final PurchaseOrders purchaseOrders;
    private final Messages messages;
    private final Timeline timeline;

    public Correlator(
            Relationships relationships, PurchaseOrders purchaseOrders, Messages messages, Timeline timeline) {
        this.relationships = relationships;
        this.purchaseOrders = purchaseOrders;
        this.messages = messages;
        this.timeline = timeline;
    }

    public Correlated correlate(Work work) {
        Correlation correlation = match(work);
        remember(work, correlation);
        return new Correlated(work, correlation);
    }

    private Correlation match(Work work) {
        EventData data = work.event().data();
        Partner sender = work.partner();
        if (data instanceof OrderAcknowledged ack) {
            return orderLines(
                    work,
                    ack.poNumber(),
                    ack.lines().size(),
                    i -> ack.lines().get(i).lineNumber(),
                    i -> ack.lines().get(i).itemId(),
                    i -> ack.lines().get(i).partnerItemId());
        }
        if (data instanceof CommitmentUpdated update) {
            return orderLines(
                    work,
                    update.poNumber(),
                    update.lines().size(),
                    i -> update.lines().get(i).lineNumber(),
                    i -> update.lines().get(i).itemId(),
                    i -> update.lines().get(i).partnerItemId());
        }
        if (data instanceof ShipmentAdvised notice) {
            return shipNotice(work, notice);
        }
        if (data instanceof ShipmentStatusReported status) {
            return transportStatus(work, status);
        }
        if (data instanceof TenderAnswered tender) {
            return tender(work, tender);
        }
        if (data instanceof InvoiceReceived invoice) {
            return invoice.kind() == InvoiceReceived.Kind.FREIGHT
                    ? freightInvoice(work, invoice)
                    : goodsInvoice(work, invoice);
        }
        if (data instanceof CustomsStatusReported customs) {
            return customs(work, customs);
        }
        if (data instanceof FunctionalAckReceived ack) {
            Optional<ArchivedMessage> ours = messages.sentWithControl(
                    sender.id(), ack.ackedGroupControlNumber(), ack.ackedInterchangeControlNumber());
            Subject subject = ours.map(m -> new Subject(Subject.MESSAGE, m.id().toString()))
                    .orElse(work.subject());
            return new Correlation(subject, List.of(), Map.of(), null, ours.orElse(null), null);
        }
        if (data instanceof ApplicationAckReceived advice) {
            Optional<PurchaseOrder> order =
                    advice.documentRef() == null || !PurchaseOrderNumber.isValid(advice.documentRef())
                            ? Optional.empty()
                            : purchaseOrders
                                    .find(PurchaseOrderNumber.of(advice.documentRef()), PartnerScope.everyone())
                                    .filter(o -> relationships.covers(sender, o));
            Subject subject =
                    order.map(o -> Subject.purchaseOrder(o.number().value())).orElse(messageSubject(work));
            return new Correlation(subject, order.stream().toList(), Map.of(), null, null, null);
        }
        if (data instanceof DocumentReceived document) {
            Shipment shipment = first(relationships.shipments(sender, document.references()))
                    .orElse(null);
            Subject subject = shipment != null ? Subject.shipment(shipment.id().value()) : messageSubject(work);
            return new Correlation(subject, ordersOf(sender, shipment), Map.of(), shipment, null, null);
        }
        return Correlation.unmatched(
                messageSubject(work), new Unmatched("no correlation for " + data.type(), List.of(), List.of()));
    }

    /** A PO of the sender, and each event line matched to a PO line by number, else by item. */
    private Correlation orderLines(
            Work work,
            String poNumber,
            int lineCount,
            Function<Integer, String> lineNumbers,
            Function<Integer, String> itemIds,
            Function<Integer, String> partnerItemIds) {
        var items = new ArrayList<String>();
        for (int i = 0; i < lineCount; i++) {
            addIfPresent(items, itemIds.apply(i));
            addIfPresent(items, partnerItemIds.apply(i));
        }
        Optional<PurchaseOrder> found = relationships.order(work.partner(), poNumber);
        if (found.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            poNumber == null
                                    ? "the document names no PO"
                                    : "PO " + poNumber + " is not a PO of "
                                            + work.partner().id(),
                            missing(poNumber),
                            Candidates.orders(
                                    poNumber, items, openOrders(work.partner().id()))));
        }
        PurchaseOrder order = found.get();
        Subject subject = Subject.purchaseOrder(order.number().value());
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < lineCount; i++) {
            Optional<PurchaseOrderLine> line =
                    line(order, lineNumbers.apply(i), itemIds.apply(i), partnerItemIds.apply(i));
            if (line.isEmpty()) {
                return Correlation.unmatched(
                        subject,
                        new Unmatched(
                                "line " + lineNumbers.apply(i) + " of PO " + order.number() + " not found"
                                        + (itemIds.apply(i) == null && partnerItemIds.apply(i) == null
                                                ? ""
                                                : " (item " + firstNonNull(itemIds.apply(i), partnerItemIds.apply(i))
                                                        + ")"),
                                List.of(),
                                Candidates.lines(order, itemIds.apply(i), partnerItemIds.apply(i))));
            }
            lines.put(i, line.get());
        }
        return new Correlation(subject, List.of(order), lines, null, null, null);
    }

    /**
     * A ship notice: the shipment its references name inside the sender's relationship (else a new one, unless
     * they name someone else's), and each line matched to a line of one of the sender's POs.
     */
    private Correlation shipNotice(Work work, ShipmentAdvised notice) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", notice.shipmentId());
        refs.put("bol", notice.references().bol());
        refs.put("pro", notice.references().pro());
        refs.put("container", notice.references().container());
        refs.put("booking", notice.references().booking());
        refs.put("awb", notice.references().awb());
        Shipment shipment = first(relationships.shipments(work.partner(), refs)).orElse(null);
        if (shipment == null && relationships.nameAnyShipment(refs)) {
            // a shipment of another relationship: not to be joined, not to be taken over under its id
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "no shipment of " + work.partner().id() + " goes by " + present(refs),
                            List.of(),
                            List.of(),
                            assignable(work, refs)));
        }
        Subject subject = shipment != null
                ? Subject.shipment(shipment.id().value())
                : notice.shipmentId() != null && ShipmentId.isValid(notice.shipmentId())
                        ? Subject.shipment(notice.shipmentId().trim())
                        : messageSubject(work);
        var orders = new LinkedHashMap<String, PurchaseOrder>();
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < notice.lines().size(); i++) {
            ShipmentAdvised.Line line = notice.lines().get(i);
            String po = line.poNumber();
            if (po == null || !orders.containsKey(po)) {
                Optional<PurchaseOrder> order = relationships.order(work.partner(), po);
                if (order.isEmpty()) {
                    return Correlation.unmatched(
                            messageSubject(work),
                            new Unmatched(
                                    po == null
                                            ? "line " + (i + 1) + " of the ship notice names no PO"
                                            : "PO " + po + " is not a PO of "
                                                    + work.partner().id(),
                                    missing(po),
                                    Candidates.orders(
                                            po,
                                            itemsOf(notice),
                                            openOrders(work.partner().id()))));
                }
                orders.put(po, order.get());
            }
            PurchaseOrder order = orders.get(po);
            Optional<PurchaseOrderLine> matched = line(order, line.lineNumber(), line.itemId(), line.partnerItemId());
            if (matched.isEmpty()) {
                return Correlation.unmatched(
                        subject,
                        new Unmatched(
                                "line " + line.lineNumber() + " of PO " + po + " not found",
                                List.of(),
                                Candidates.lines(order, line.itemId(), line.partnerItemId())));
            }
            lines.put(i, matched.get());
        }
        return new Correlation(subject, List.copyOf(orders.values()), lines, shipment, null, null);
    }

    private Correlation transportStatus(Work work, ShipmentStatusReported status) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", status.references().shipmentId());
        refs.put("pro", status.references().pro());
        refs.put("bol", status.references().bol());
        refs.put("container", status.references().container());
        Optional<Shipment> shipment =
                carriersShipment(work, refs, status.references().poNumbers());
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "no shipment of " + work.partner().id() + " goes by " + present(refs)
                                    + (status.references().poNumbers().isEmpty()
                                            ? ""
                                            : " or carries POs "
                                                    + status.references().poNumbers()),
                            List.of(),
                            List.of(),
                            assignable(work, refs)));
        }
        var orders = new ArrayList<>(ordersOf(work.partner(), shipment.get()));
        for (String po : status.references().poNumbers()) {
            // a PO the status names counts when the carrier carries it; another partner's PO is out of reach
            if (orders.stream().noneMatch(o -> o.number().value().equals(po))
                    && !relationships.carrying(work.partner(), po).isEmpty()) {
                purchaseOrders
                        .find(PurchaseOrderNumber.of(po), PartnerScope.everyone())
                        .ifPresent(orders::add);
            }
        }
        return new Correlation(
                Subject.shipment(shipment.get().id().value()), orders, Map.of(), shipment.get(), null, null);
    }

    private Correlation tender(Work work, TenderAnswered tender) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", tender.shipmentId());
        Optional<Shipment> shipment = tender.shipmentId() == null || !ShipmentId.isValid(tender.shipmentId())
                ? Optional.empty()
                : first(relationships.ownShipments(work.partner(), refs))
                        .filter(s -> s.id().value().equals(tender.shipmentId().trim()));
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "no shipment " + tender.shipmentId() + " tendered to "
                                    + work.partner().id(),
                            List.of(),
                            List.of(),
                            assignable(work, refs)));
        }
        return ofShipment(work.partner(), shipment.get());
    }

    /** Correlated to a shipment: about it, with its POs. */
    private Correlation ofShipment(Partner sender, Shipment shipment) {
        return new Correlation(
                Subject.shipment(shipment.id().value()), ordersOf(sender, shipment), Map.of(), shipment, null, null);
    }

    private Correlation freightInvoice(Work work, InvoiceReceived invoice) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", invoice.references().shipmentId());
        refs.put("bol", invoice.references().bol());
        refs.put("pro", invoice.references().pro());
        Optional<Shipment> shipment = carriersShipment(work, refs, invoice.poNumbers());
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "freight invoice " + invoice.invoiceNumber() + " names no shipment of "
                                    + work.partner().id() + " (" + present(refs) + ")",
                            List.of(),
                            List.of(),
                            assignable(work, refs)));
        }
        return ofShipment(work.partner(), shipment.get());
    }

    /**
     * A broker's customs status: about the shipment it names when the sender is that shipment's broker; a status that
     * names no shipment is about its entry; one that names a shipment the sender does not broker matches nothing.
     */
    private Correlation customs(Work work, CustomsStatusReported customs) {
        Map<String, String> refs = customs.references();
        boolean namesShipment = refs.values().stream().anyMatch(v -> v != null && !v.isBlank());
        Optional<Shipment> shipment = first(relationships.ownShipments(work.partner(), refs));
        if (shipment.isPresent()) {
            return ofShipment(work.partner(), shipment.get());
        }
        if (namesShipment) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "customs entry " + customs.entryNumber() + " names no shipment "
                                    + work.partner().id() + " is the customs broker of (" + present(refs) + ")",
                            List.of(),
                            List.of(),
                            assignable(work, refs)));
        }
        Subject subject =
                customs.entryNumber() != null ? new Subject("entry", customs.entryNumber()) : messageSubject(work);
        return new Correlation(subject, List.of(), Map.of(), null, null, null);
    }

    private Correlation goodsInvoice(Work work, InvoiceReceived invoice) {
        var numbers = new LinkedHashSet<String>(invoice.poNumbers());
        invoice.lines().stream()
                .map(InvoiceReceived.Line::poNumber)
                .filter(p -> p != null)
                .forEach(numbers::add);
        var items = new ArrayList<String>();
        invoice.lines().forEach(l -> {
            addIfPresent(items, l.itemId());
            addIfPresent(items, l.partnerItemId());
        });
        var orders = new LinkedHashMap<String, PurchaseOrder>();
        for (String po : numbers) {
            Optional<PurchaseOrder> order = relationships.order(work.partner(), po);
            if (order.isEmpty()) {
                return Correlation.unmatched(
                        messageSubject(work),
                        new Unmatched(
                                "PO " + po + " is not a PO of " + work.partner().id(),
                                missing(po),
                                Candidates.orders(
                                        po, items, openOrders(work.partner().id()))));
            }
            orders.put(po, order.get());
        }
        if (orders.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            "the invoice names no PO",
                            List.of(),
                            Candidates.orders(
                                    null, items, openOrders(work.partner().id()))));
        }
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        PurchaseOrder single = orders.size() == 1 ? orders.values().iterator().next() : null;
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceReceived.Line line = invoice.lines().get(i);
            PurchaseOrder order = line.poNumber() != null ? orders.get(line.poNumber()) : single;
            String number = line.poLine() != null ? line.poLine() : line.lineNumber();
            Optional<PurchaseOrderLine> matched =
                    order == null ? Optional.empty() : line(order, number, line.itemId(), line.partnerItemId());
            if (matched.isEmpty()) {
                return Correlation.unmatched(
                        invoiceSubject(invoice),
                        new Unmatched(
                                "invoice line " + line.lineNumber() + " matches no PO line",
                                List.of(),
                                order == null
                                        ? List.of()
                                        : Candidates.lines(order, line.itemId(), line.partnerItemId())));
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

    private static Subject invoiceSubject(InvoiceReceived invoice) {
        return new Subject(Subject.INVOICE, invoice.invoiceNumber() == null ? "?" : invoice.invoiceNumber());
    }

    /**
     * Where an event that matched nothing of the sender's is recorded: its own message, whatever object of ours its
     * references happen to name.
     */
    private static Subject messageSubject(Work work) {
        return new Subject(Subject.MESSAGE, work.message().id().toString());
    }

    /** The PO number whose arrival from the ERP would let the event match, if it is one. */
    private static List<String> missing(String poNumber) {
        return poNumber == null || !PurchaseOrderNumber.isValid(poNumber) ? List.of() : List.of(poNumber.trim());
    }

    /** The shipment the references name that the sender could be made the carrier or broker of, if any. */
    private Unmatched.Assignable assignable(Work work, Map<String, String> refs) {
        return relationships
                .assignable(work.partner(), refs)
                .map(s -> new Unmatched.Assignable(s.id(), work.partner().role()))
                .orElse(null);
    }

    private static Optional<PurchaseOrderLine> line(
            PurchaseOrder order, String lineNumber, String itemId, String partnerItemId) {
        if (lineNumber != null) {
            Optional<PurchaseOrderLine> byNumber = order.line(lineNumber.trim());
            if (byNumber.isPresent()) {
                return byNumber;
            }
            // partners write 10 for 010 and the other way round
            String bare = lineNumber.trim().replaceFirst("^0+(?=.)", "");
            Optional<PurchaseOrderLine> byValue = order.lines().stream()
                    .filter(l -> l.lineNumber().replaceFirst("^0+(?=.)", "").equals(bare))
                    .findFirst();
            if (byValue.isPresent()) {
                return byValue;
            }
        }
        List<PurchaseOrderLine> byItem = order.lines().stream()
                .filter(l -> Candidates.matches(l, itemId, partnerItemId))
                .toList();
        return byItem.size() == 1 ? Optional.of(byItem.get(0)) : Optional.empty();
    }

    private List<PurchaseOrder> openOrders(PartnerId partner) {
        return purchaseOrders
                .list(new PurchaseOrderQuery(PartnerScope.only(partner), null, partner, null, Window.first(200)))
                .items();
    }

    /** The shipment's POs the sender's relationship covers (a supplier on a shared shipment: its own). */
    private List<PurchaseOrder> ordersOf(Partner sender, Shipment shipment) {
        if (shipment == null) {
            return List.of();
        }
        boolean party = Relationships.isPartyOf(sender, shipment);
        return shipment.poNumbers().stream()
                .map(po -> purchaseOrders.find(po, PartnerScope.everyone()))
                .flatMap(Optional::stream)
                .filter(o -> party || o.partnerId().equals(sender.id()))
                .toList();
    }

    /** The sender's own shipment (it is its carrier) that goes by these references, or else carries one of these POs. */
    private Optional<Shipment> carriersShipment(Work work, Map<String, String> refs, List<String> poNumbers) {
        Optional<Shipment> shipment = first(relationships.ownShipments(work.partner(), refs));
        for (String po : poNumbers) {
            if (shipment.isPresent()) {
                break;
            }
            shipment = relationships.carrying(work.partner(), po).stream().findFirst();
        }
        return shipment;
    }

    private static Optional<Shipment> first(List<Shipment> found) {
        return found.stream().findFirst();
    }

    private static List<String> itemsOf(ShipmentAdvised notice) {
        var items = new ArrayList<String>();
        notice.lines().forEach(l -> {
            addIfPresent(items, l.itemId());
            addIfPresent(items, l.partnerItemId());
        });
        return items;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String present(Map<String, String> refs) {
        var present = new LinkedHashMap<String, String>();
        refs.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                present.put(k, v);
            }
        });
        return present.isEmpty() ? "no reference" : present.toString();
    }

    private void remember(Work work, Correlation correlation) {
        Subject subject = correlation.subject();
        String from = "partner:" + work.partner().id();
        ArchivedMessage message = work.message();
        String control = message.controlNumbers().interchange();
        timeline.remember(
                subject,
                TimelineKind.MESSAGE,
                work.documentType() + " received from " + work.partner().id()
                        + (control == null ? "" : " (interchange " + control + ")") + " via " + message.channel(),
                from,
                Map.of("messageId", message.id().toString(), "documentType", work.documentType()),
                message.id(),
                // once per message, document type and subject: a carrier's 214 with ten statuses came once
                work.messageStep(work.documentType() + ":message:" + subject));
        timeline.remember(
                subject,
                TimelineKind.EVENT,
                Describe.event(work.event().data()),
                from,
                Map.of("eventId", work.event().id(), "type", work.event().type()),
                message.id(),
                work.step("event:" + subject));
        var details = new LinkedHashMap<String, Object>();
        correlation
                .orders()
                .forEach(o -> details.merge("poNumbers", List.of(o.number().value()), (a, b) -> concat(a, b)));
        if (correlation.shipment() != null) {
            details.put("shipmentId", correlation.shipment().id().value());
        }
        if (correlation.answered() != null) {
            details.put("answeredMessageId", correlation.answered().id().toString());
        }
        String summary;
        if (correlation.matched()) {
            var lines = new ArrayList<String>();
            correlation.lines().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> lines.add(e.getValue().lineNumber()));
            if (!lines.isEmpty()) {
                details.put("lines", lines);
            }
            summary = "Matched to " + subject + (lines.isEmpty() ? "" : ", lines " + String.join(", ", lines));
        } else {
            details.put("reason", correlation.unmatched().reason());
            details.put("candidates", correlation.unmatched().candidates());
            summary = "Not matched: " + correlation.unmatched().reason();
        }
        timeline.note(
                subject,
                TimelineKind.CORRELATION,
                summary,
                Timeline.SYSTEM,
                details,
                message.id(),
                work.step("correlation:" + subject + ":" + correlation.matched()));
    }

    @SuppressWarnings("unchecked")
    private static Object concat(Object a, Object b) {
        var all = new ArrayList<Object>((List<Object>) a);
        all.addAll((List<Object>) b);
        return all;
    }
}
