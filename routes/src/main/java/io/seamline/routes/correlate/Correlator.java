package io.seamline.routes.correlate;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
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
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.pipeline.Work;
import io.seamline.routes.timeline.Describe;
import io.seamline.routes.timeline.Memory;
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
 * correlation). POs are locked as they are matched, so two messages about one PO are applied one after the other.
 */
@Service
public class Correlator {

    private final PurchaseOrders purchaseOrders;
    private final Shipments shipments;
    private final Messages messages;
    private final Memory memory;

    public Correlator(PurchaseOrders purchaseOrders, Shipments shipments, Messages messages, Memory memory) {
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
        this.messages = messages;
        this.memory = memory;
    }

    public Correlated correlate(Work work) {
        Correlation correlation = match(work);
        remember(work, correlation);
        return new Correlated(work, correlation);
    }

    private Correlation match(Work work) {
        EventData data = work.event().data();
        PartnerId partner = work.partner().id();
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
            Map<String, String> refs = customs.references();
            Shipment shipment = first(shipments.byReferences(refs)).orElse(null);
            Subject subject = shipment != null
                    ? Subject.shipment(shipment.id().value())
                    : customs.entryNumber() != null ? new Subject("entry", customs.entryNumber()) : work.subject();
            return new Correlation(subject, ordersOf(shipment), Map.of(), shipment, null, null);
        }
        if (data instanceof FunctionalAckReceived ack) {
            Optional<ArchivedMessage> ours = messages.sentWithControl(
                    partner, ack.ackedGroupControlNumber(), ack.ackedInterchangeControlNumber());
            Subject subject = ours.map(m -> new Subject(Subject.MESSAGE, m.id().toString()))
                    .orElse(work.subject());
            return new Correlation(subject, List.of(), Map.of(), null, ours.orElse(null), null);
        }
        if (data instanceof ApplicationAckReceived advice) {
            Optional<PurchaseOrder> order = advice.documentRef() == null
                            || !PurchaseOrderNumber.isValid(advice.documentRef())
                    ? Optional.empty()
                    : purchaseOrders.find(PurchaseOrderNumber.of(advice.documentRef()), PartnerScope.only(partner));
            Subject subject =
                    order.map(o -> Subject.purchaseOrder(o.number().value())).orElse(work.subject());
            return new Correlation(subject, order.stream().toList(), Map.of(), null, null, null);
        }
        if (data instanceof DocumentReceived document) {
            Shipment shipment =
                    first(shipments.byReferences(document.references())).orElse(null);
            Subject subject = shipment != null ? Subject.shipment(shipment.id().value()) : work.subject();
            return new Correlation(subject, ordersOf(shipment), Map.of(), shipment, null, null);
        }
        return Correlation.unmatched(
                work.subject(), new Unmatched("no correlation for " + data.type(), List.of(), List.of()));
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
        Optional<PurchaseOrder> found = lockOwn(work, poNumber);
        Subject subject = poNumber == null || !PurchaseOrderNumber.isValid(poNumber)
                ? work.subject()
                : Subject.purchaseOrder(poNumber.trim());
        if (found.isEmpty()) {
            return Correlation.unmatched(
                    subject,
                    new Unmatched(
                            poNumber == null
                                    ? "the document names no PO"
                                    : "PO " + poNumber + " is not a PO of "
                                            + work.partner().id(),
                            poNumber == null || !PurchaseOrderNumber.isValid(poNumber)
                                    ? List.of()
                                    : List.of(poNumber.trim()),
                            Candidates.orders(
                                    poNumber, items, openOrders(work.partner().id()))));
        }
        PurchaseOrder order = found.get();
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

    private Correlation shipNotice(Work work, ShipmentAdvised notice) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", notice.shipmentId());
        refs.put("bol", notice.references().bol());
        refs.put("pro", notice.references().pro());
        refs.put("container", notice.references().container());
        refs.put("booking", notice.references().booking());
        refs.put("awb", notice.references().awb());
        Shipment shipment = first(shipments.byReferences(refs)).orElse(null);
        Subject subject = shipment != null
                ? Subject.shipment(shipment.id().value())
                : notice.shipmentId() != null && ShipmentId.isValid(notice.shipmentId())
                        ? Subject.shipment(notice.shipmentId().trim())
                        : work.subject();
        var orders = new LinkedHashMap<String, PurchaseOrder>();
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < notice.lines().size(); i++) {
            ShipmentAdvised.Line line = notice.lines().get(i);
            String po = line.poNumber();
            if (po == null || !orders.containsKey(po)) {
                Optional<PurchaseOrder> order = lockOwn(work, po);
                if (order.isEmpty()) {
                    return Correlation.unmatched(
                            subject,
                            new Unmatched(
                                    po == null
                                            ? "line " + (i + 1) + " of the ship notice names no PO"
                                            : "PO " + po + " is not a PO of "
                                                    + work.partner().id(),
                                    po == null || !PurchaseOrderNumber.isValid(po) ? List.of() : List.of(po.trim()),
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
                    work.subject(),
                    new Unmatched(
                            "no shipment of " + work.partner().id() + " goes by " + present(refs)
                                    + (status.references().poNumbers().isEmpty()
                                            ? ""
                                            : " or carries POs "
                                                    + status.references().poNumbers()),
                            List.of(),
                            List.of()));
        }
        var orders = new ArrayList<>(ordersOf(shipment.get()));
        for (String po : status.references().poNumbers()) {
            // a PO the status names counts when the carrier carries it; another partner's PO is out of reach
            if (orders.stream().noneMatch(o -> o.number().value().equals(po))
                    && PurchaseOrderNumber.isValid(po)
                    && carries(work.partner().id(), po)) {
                purchaseOrders
                        .find(PurchaseOrderNumber.of(po), PartnerScope.everyone())
                        .ifPresent(orders::add);
            }
        }
        return new Correlation(
                Subject.shipment(shipment.get().id().value()), orders, Map.of(), shipment.get(), null, null);
    }

    private Correlation tender(Work work, TenderAnswered tender) {
        Optional<Shipment> shipment = tender.shipmentId() == null || !ShipmentId.isValid(tender.shipmentId())
                ? Optional.empty()
                : ofCarrier(
                        work,
                        shipments.find(ShipmentId.of(tender.shipmentId()), PartnerScope.everyone()).stream()
                                .toList());
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    work.subject(),
                    new Unmatched(
                            "no shipment " + tender.shipmentId() + " tendered to "
                                    + work.partner().id(),
                            List.of(),
                            List.of()));
        }
        return ofShipment(shipment.get());
    }

    /** Correlated to a shipment: about it, with its POs. */
    private Correlation ofShipment(Shipment shipment) {
        return new Correlation(
                Subject.shipment(shipment.id().value()), ordersOf(shipment), Map.of(), shipment, null, null);
    }

    private Correlation freightInvoice(Work work, InvoiceReceived invoice) {
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", invoice.references().shipmentId());
        refs.put("bol", invoice.references().bol());
        refs.put("pro", invoice.references().pro());
        Optional<Shipment> shipment = carriersShipment(work, refs, invoice.poNumbers());
        Subject subject = new Subject(Subject.INVOICE, invoice.invoiceNumber() == null ? "?" : invoice.invoiceNumber());
        if (shipment.isEmpty()) {
            return Correlation.unmatched(
                    subject,
                    new Unmatched(
                            "freight invoice " + invoice.invoiceNumber() + " names no shipment of "
                                    + work.partner().id() + " (" + present(refs) + ")",
                            List.of(),
                            List.of()));
        }
        return ofShipment(shipment.get());
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
            Optional<PurchaseOrder> order = lockOwn(work, po);
            if (order.isEmpty()) {
                return Correlation.unmatched(
                        invoiceSubject(invoice),
                        new Unmatched(
                                "PO " + po + " is not a PO of " + work.partner().id(),
                                PurchaseOrderNumber.isValid(po) ? List.of(po.trim()) : List.of(),
                                Candidates.orders(
                                        po, items, openOrders(work.partner().id()))));
            }
            orders.put(po, order.get());
        }
        if (orders.isEmpty()) {
            return Correlation.unmatched(
                    invoiceSubject(invoice),
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
                Subject.purchaseOrder(orders.keySet().iterator().next()),
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
     * The PO, locked, if it exists and belongs to the sender (a supplier), or the sender carries one of its shipments
     * (a carrier or forwarder): a partner never reaches another partner's PO by naming it.
     */
    private Optional<PurchaseOrder> lockOwn(Work work, String poNumber) {
        if (poNumber == null || !PurchaseOrderNumber.isValid(poNumber)) {
            return Optional.empty();
        }
        PartnerId sender = work.partner().id();
        return purchaseOrders
                .lock(PurchaseOrderNumber.of(poNumber))
                .filter(o -> o.partnerId().equals(sender)
                        || (work.partner().role().movesShipments() && carries(sender, poNumber)));
    }

    private boolean carries(PartnerId carrier, String poNumber) {
        return !shipments
                .list(new ShipmentQuery(PartnerScope.only(carrier), null, carrier, poNumber, Window.first(1)))
                .items()
                .isEmpty();
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

    private List<PurchaseOrder> ordersOf(Shipment shipment) {
        if (shipment == null) {
            return List.of();
        }
        return shipment.poNumbers().stream()
                .map(po -> purchaseOrders.find(po, PartnerScope.everyone()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The sender's shipment that goes by these references, or else carries one of these POs. */
    private Optional<Shipment> carriersShipment(Work work, Map<String, String> refs, List<String> poNumbers) {
        Optional<Shipment> shipment = ofCarrier(work, shipments.byReferences(refs));
        for (String po : poNumbers) {
            if (shipment.isPresent()) {
                break;
            }
            shipment = ofCarrier(
                    work,
                    shipments
                            .list(new ShipmentQuery(PartnerScope.everyone(), null, null, po, Window.first(20)))
                            .items());
        }
        return shipment;
    }

    /** The first shipment that is the sender's to carry (or has no carrier yet). */
    private static Optional<Shipment> ofCarrier(Work work, List<Shipment> found) {
        return found.stream()
                .filter(s -> s.carrierId() == null
                        || s.carrierId().equals(work.partner().id()))
                .findFirst();
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
        memory.remember(
                subject,
                TimelineKind.MESSAGE,
                work.documentType() + " received from " + work.partner().id()
                        + (control == null ? "" : " (interchange " + control + ")") + " via " + message.channel(),
                from,
                Map.of("messageId", message.id().toString(), "documentType", work.documentType()),
                message.id(),
                // once per message, document type and subject: a carrier's 214 with ten statuses came once
                work.messageStep(work.documentType() + ":message:" + subject));
        memory.remember(
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
        memory.note(
                subject,
                TimelineKind.CORRELATION,
                summary,
                Memory.SYSTEM,
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
