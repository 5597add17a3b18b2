package io.seamline.coordination.lookup;

import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.MessageSearch;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.json.Json;
import io.seamline.model.Page;
import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.timeline.TimelineEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Scoped reads of purchase orders, shipments, their timelines and archived messages. */
@Service
public class Lookup {

    private final PurchaseOrders purchaseOrders;
    private final Shipments shipments;
    private final Messages messages;
    private final MessageSearch search;
    private final Events events;
    private final Timeline timeline;
    private final Tasks tasks;

    public Lookup(
            PurchaseOrders purchaseOrders,
            Shipments shipments,
            Messages messages,
            MessageSearch search,
            Events events,
            Timeline timeline,
            Tasks tasks) {
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
        this.messages = messages;
        this.search = search;
        this.events = events;
        this.timeline = timeline;
        this.tasks = tasks;
    }

    /** What became of a message so far, if the scope may see it: its state, what it led to, who reviews what. */
    public Optional<Outcome> outcome(MessageId id, PartnerScope scope) {
        return messages.find(id, scope)
                .map(m -> new Outcome(m, events.fromMessage(id), timeline.ofMessage(id, scope), tasks.openedBy(id)));
    }

    public Optional<PurchaseOrder> purchaseOrder(PurchaseOrderNumber number, PartnerScope scope) {
        return purchaseOrders.find(number, scope);
    }

    public Page<PurchaseOrder> purchaseOrders(PurchaseOrderQuery query) {
        return purchaseOrders.list(query);
    }

    /** A shipment as the scope may see it (see {@link #asSeenBy}), if it may see it at all. */
    public Optional<Shipment> shipment(ShipmentId id, PartnerScope scope) {
        return shipments.find(id, scope).map(s -> asSeenBy(s, scope));
    }

    public Page<Shipment> shipments(ShipmentQuery query) {
        return shipments.list(query).map(s -> asSeenBy(s, query.scope()));
    }

    /**
     * What a partner sees of a shipment: its carrier and its broker all but the freight we expect to pay (our audit
     * target); a supplier on a shared shipment only its own POs and no freight. Internal users see all of it.
     */
    private Shipment asSeenBy(Shipment shipment, PartnerScope scope) {
        Optional<PartnerId> own = scope.restrictedTo();
        if (own.isEmpty()) {
            return shipment;
        }
        List<PurchaseOrderNumber> poNumbers =
                own.get().equals(shipment.carrierId()) || own.get().equals(shipment.brokerId())
                        ? shipment.poNumbers()
                        : shipment.poNumbers().stream()
                                .filter(po -> purchaseOrders.find(po, scope).isPresent())
                                .toList();
        return new Shipment(
                shipment.id(),
                shipment.carrierId(),
                shipment.brokerId(),
                shipment.references(),
                poNumbers,
                shipment.plannedDelivery(),
                shipment.estimatedDelivery(),
                null,
                shipment.status());
    }

    public Optional<ArchivedMessage> message(MessageId id, PartnerScope scope) {
        return messages.find(id, scope);
    }

    public Optional<byte[]> messageContent(MessageId id, PartnerScope scope) {
        return messages.content(id, scope);
    }

    /** The canonical events a message became, if the scope may see the message. */
    public List<CanonicalEvent> eventsOf(MessageId id, PartnerScope scope) {
        return messages.find(id, scope).map(m -> events.fromMessage(id)).orElse(List.of());
    }

    /**
     * What a test message would have done, as its run recorded it: {@code effect}, {@code subject}, {@code summary},
     * {@code details} each; empty for a production message or one the caller may not see.
     */
    public List<Object> wouldHave(MessageId id, PartnerScope scope) {
        List<Object> all = messages.find(id, scope)
                .filter(ArchivedMessage::test)
                .flatMap(m -> messages.wouldHave(id))
                .map(Lookup::list)
                .orElse(List.of());
        return scope.restrictedTo().isPresent() ? forPartner(all) : all;
    }

    /** Effects a partner does not see: our decisions (they show our tolerances), internal notes, our ERP's. */
    private static final java.util.Set<String> OURS =
            java.util.Set.of("decision", "decisions.applied", "timeline.note", "erp.write-back");

    /**
     * What a partner reads of its own test's effects: what would have changed for it and what it would have been
     * answered; that a person would have looked, without the task's internal context; none of our decisions' limits.
     */
    private static List<Object> forPartner(List<Object> effects) {
        var shown = new java.util.ArrayList<Object>();
        for (Object effect : effects) {
            if (!(effect instanceof java.util.Map<?, ?> map) || OURS.contains(String.valueOf(map.get("effect")))) {
                continue;
            }
            var one = new java.util.LinkedHashMap<String, Object>();
            one.put("effect", map.get("effect"));
            one.put("subject", map.get("subject"));
            if ("task.opened".equals(map.get("effect"))) {
                one.put("summary", "a person at the buyer would have reviewed this");
            } else {
                one.put("summary", map.get("summary"));
                one.put("details", map.get("details"));
            }
            shown.add(one);
        }
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String json) {
        try {
            return Json.mapper().readValue(json, List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a test message's recorded effects are not readable", e);
        }
    }

    public Page<ArchivedMessage> messages(MessageQuery query) {
        return search.list(query);
    }

    /** A PO's timeline, oldest first, if the scope may see the PO; partners see the partner-visible entries. */
    public Optional<List<TimelineEntry>> purchaseOrderTimeline(PurchaseOrderNumber number, PartnerScope scope) {
        return purchaseOrders.find(number, scope).map(po -> timeline.of(Subject.purchaseOrder(number.value()), scope));
    }

    /** A shipment's timeline, oldest first, if the scope may see the shipment. */
    public Optional<List<TimelineEntry>> shipmentTimeline(ShipmentId id, PartnerScope scope) {
        return shipments.find(id, scope).map(s -> timeline.of(Subject.shipment(id.value()), scope));
    }

    /** What a shipment carries, per PO line, if the scope may see it. */
    public List<ShipmentLine> shipmentLines(ShipmentId id, PartnerScope scope) {
        return shipments.find(id, scope).map(s -> shipments.lines(id)).orElse(List.of());
    }
}
