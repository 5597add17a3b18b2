package io.seamline.coordination.steps;

import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.shipment.Shipment;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an event was matched to: its primary subject; the purchase orders it concerns (the first is the one a PO
 * event is about); its lines matched to PO lines, by the index of the event's line; the shipment; for an
 * acknowledgement, the message of ours it answers. {@code unmatched} is set when it could not be matched.
 */
public record Correlation(
        Subject subject,
        List<PurchaseOrder> orders,
        Map<Integer, PurchaseOrderLine> lines,
        Shipment shipment,
        ArchivedMessage answered,
        Unmatched unmatched) {

    public Correlation {
        Objects.requireNonNull(subject, "subject");
        orders = List.copyOf(orders);
        lines = Map.copyOf(lines);
    }

    public static Correlation unmatched(Subject subject, Unmatched unmatched) {
        return new Correlation(subject, List.of(), Map.of(), null, null, unmatched);
    }

    public boolean matched() {
        return unmatched == null;
    }

    /** The PO a PO event is about. */
    public PurchaseOrder order() {
        return orders.isEmpty() ? null : orders.get(0);
    }

    public PurchaseOrder order(String poNumber) {
        return orders.stream()
                .filter(o -> o.number().value().equals(poNumber))
                .findFirst()
                .orElse(null);
    }
}
