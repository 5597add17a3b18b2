package io.seamline.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code po.acknowledged}: the supplier's answer to a purchase order (855, ORDRSP, portal, API, email). */
public record OrderAcknowledged(String poNumber, AckType ackType, String partnerOrderRef, String note, List<Line> lines)
        implements EventData {

    public static final String TYPE = EventData.type("po.acknowledged");

    public OrderAcknowledged {
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    public enum AckType {
        ACCEPTED,
        ACCEPTED_WITH_CHANGES,
        REJECTED
    }

    public enum LineStatus {
        ACCEPTED,
        CHANGED,
        BACKORDERED,
        REJECTED
    }

    /** {@code itemId} is our item number, {@code partnerItemId} the supplier's, when the document names them. */
    public record Line(
            String lineNumber,
            LineStatus status,
            BigDecimal quantity,
            String unit,
            LocalDate promisedDate,
            BigDecimal unitPrice,
            String itemId,
            String partnerItemId) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> purchaseOrders() {
        return PurchaseOrders.of(Stream.ofNullable(poNumber));
    }

    @Override
    public String subject() {
        return poNumber == null ? null : "po/" + poNumber;
    }
}
