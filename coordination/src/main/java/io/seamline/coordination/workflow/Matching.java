package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * What the document kinds' correlations share: finding a PO and its lines inside the sender's relationship (by line
 * number, else by item), the shipments a carrier reports on, the candidates a person starts from when nothing
 * matched, and where an unmatched event is recorded (its own message, never what it named).
 */
@Component
public class Matching {

    private final Relationships relationships;
    private final PurchaseOrders purchaseOrders;

    public Matching(Relationships relationships, PurchaseOrders purchaseOrders) {
        this.relationships = relationships;
        this.purchaseOrders = purchaseOrders;
    }

    /** The lines of an event, as the PO matching needs them. */
    public record EventLine(String lineNumber, String itemId, String partnerItemId) {}

    /**
     * A PO of the sender's relationship, and each event line matched to one of its lines by number, else by item; the
     * PO locked for the change the event makes.
     */
    public Correlation orderLines(Work work, String poNumber, List<EventLine> eventLines) {
        var items = new ArrayList<String>();
        eventLines.forEach(l -> {
            addIfPresent(items, l.itemId());
            addIfPresent(items, l.partnerItemId());
        });
        Optional<PurchaseOrder> found = relationships.order(work.partner(), poNumber, work.test());
        if (found.isEmpty()) {
            return Correlation.unmatched(
                    messageSubject(work),
                    new Unmatched(
                            poNumber == null
                                    ? "the document names no PO"
                                    : "PO " + poNumber + " is not a PO of "
                                            + work.partner().id(),
                            missing(poNumber),
                            candidateOrders(poNumber, items, work.partner().id())));
        }
        PurchaseOrder order = found.get();
        Subject subject = Subject.purchaseOrder(order.number().value());
        var lines = new HashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < eventLines.size(); i++) {
            EventLine wanted = eventLines.get(i);
            Optional<PurchaseOrderLine> line =
                    line(order, wanted.lineNumber(), wanted.itemId(), wanted.partnerItemId());
            if (line.isEmpty()) {
                return Correlation.unmatched(subject, lineNotFound(order, wanted));
            }
            lines.put(i, line.get());
        }
        return new Correlation(subject, List.of(order), lines, null, null, null);
    }

    /** Why an event's line matched no line of the PO, and the PO's lines to pick from. */
    public static Unmatched lineNotFound(PurchaseOrder order, EventLine wanted) {
        String item = wanted.itemId() != null ? wanted.itemId() : wanted.partnerItemId();
        return new Unmatched(
                "line " + wanted.lineNumber() + " of PO " + order.number() + " not found"
                        + (item == null ? "" : " (item " + item + ")"),
                List.of(),
                Candidates.lines(order, wanted.itemId(), wanted.partnerItemId()));
    }

    /** The event lines of {@code count} lines read by index. */
    public static List<EventLine> eventLines(
            int count, IntFunction<String> lineNumbers, IntFunction<String> itemIds, IntFunction<String> partnerItems) {
        var lines = new ArrayList<EventLine>();
        for (int i = 0; i < count; i++) {
            lines.add(new EventLine(lineNumbers.apply(i), itemIds.apply(i), partnerItems.apply(i)));
        }
        return lines;
    }

    /** A PO's line by its number (partners write 10 for 010 and the other way round), else its only line of the item. */
    public static Optional<PurchaseOrderLine> line(
            PurchaseOrder order, String lineNumber, String itemId, String partnerItemId) {
        if (lineNumber != null) {
            Optional<PurchaseOrderLine> byNumber = order.line(lineNumber.trim());
            if (byNumber.isPresent()) {
                return byNumber;
            }
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

    /** The sender's open POs a person might have meant, closest PO number and most items in common first. */
    public List<Map<String, Object>> candidateOrders(String poNumber, List<String> items, PartnerId sender) {
        return Candidates.orders(
                poNumber,
                items,
                purchaseOrders
                        .list(new PurchaseOrderQuery(PartnerScope.only(sender), null, sender, null, Window.first(200)))
                        .items());
    }

    /** The shipment's POs the sender's relationship covers (a supplier on a shared shipment: its own). */
    public List<PurchaseOrder> ordersOf(Partner sender, Shipment shipment) {
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

    /** Correlated to a shipment: about it, with the POs of it the sender's relationship covers. */
    public Correlation ofShipment(Partner sender, Shipment shipment) {
        return new Correlation(
                Subject.shipment(shipment.id().value()), ordersOf(sender, shipment), Map.of(), shipment, null, null);
    }

    /** The sender's own shipment (it is its carrier) that goes by these references, or else carries one of these POs. */
    public Optional<Shipment> carriersShipment(Work work, Map<String, String> refs, List<String> poNumbers) {
        Optional<Shipment> shipment = first(relationships.ownShipments(work.partner(), refs));
        for (String po : poNumbers) {
            if (shipment.isPresent()) {
                break;
            }
            shipment = relationships.carrying(work.partner(), po).stream().findFirst();
        }
        return shipment;
    }

    /**
     * Matched to no shipment of the sender's: recorded on its own message, saying which references (and
     * {@code also}, when given) it went by, and which shipment it could be assigned to.
     */
    public Correlation noShipment(Work work, Map<String, String> refs, String also) {
        return Correlation.unmatched(
                messageSubject(work),
                new Unmatched(
                        "no shipment of " + work.partner().id() + " goes by " + present(refs) + also,
                        List.of(),
                        List.of(),
                        assignable(work, refs)));
    }

    /** The shipment the references name that the sender could be made the carrier or broker of, if any. */
    public Unmatched.Assignable assignable(Work work, Map<String, String> refs) {
        return relationships
                .assignable(work.partner(), refs)
                .map(s -> new Unmatched.Assignable(s.id(), work.partner().role()))
                .orElse(null);
    }

    /**
     * Where an event that matched nothing of the sender's is recorded: its own message, whatever object of ours its
     * references happen to name.
     */
    public static Subject messageSubject(Work work) {
        return new Subject(Subject.MESSAGE, work.message().id().toString());
    }

    /** The PO number whose arrival from the ERP would let the event match, if it is one. */
    public static List<String> missing(String poNumber) {
        return poNumber == null || !PurchaseOrderNumber.isValid(poNumber) ? List.of() : List.of(poNumber.trim());
    }

    public static <T> Optional<T> first(List<T> found) {
        return found.stream().findFirst();
    }

    public static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    /** The references that were given, for a reason a person reads. */
    public static String present(Map<String, String> refs) {
        var present = new LinkedHashMap<String, String>();
        refs.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                present.put(k, v);
            }
        });
        return present.isEmpty() ? "no reference" : present.toString();
    }
}
