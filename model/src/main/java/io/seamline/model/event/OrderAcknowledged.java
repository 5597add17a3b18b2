package io.seamline.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code po.acknowledged}: the supplier's answer to a purchase order (855, ORDRSP, portal, API, email).
 * {@code ackCode} is the partner's own code for the answer as sent (855 BAK02, ORDRSP BGM 1225), kept whether or not
 * Seamline maps it.
 */
public record OrderAcknowledged(
        String poNumber, AckType ackType, String partnerOrderRef, String note, List<Line> lines, String ackCode)
        implements EventData {

    public static final String TYPE = EventData.type("po.acknowledged");

    public OrderAcknowledged {
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /** An answer without the partner's code (portal, API, e-mail). */
    public OrderAcknowledged(String poNumber, AckType ackType, String partnerOrderRef, String note, List<Line> lines) {
        this(poNumber, ackType, partnerOrderRef, note, lines, null);
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

    /**
     * {@code itemId} is our item number, {@code partnerItemId} the supplier's, when the document names them;
     * {@code itemIds} every identity the line sent; {@code note} the line's free text; {@code statusCode} the
     * partner's code for the line's status as sent (ACK01, LIN 1229).
     */
    public record Line(
            String lineNumber,
            LineStatus status,
            BigDecimal quantity,
            String unit,
            LocalDate promisedDate,
            BigDecimal unitPrice,
            String itemId,
            String partnerItemId,
            List<ItemId> itemIds,
            String note,
            String statusCode) {

        public Line {
            itemIds = ItemId.copy(itemIds);
        }

        public Line(
                String lineNumber,
                LineStatus status,
                BigDecimal quantity,
                String unit,
                LocalDate promisedDate,
                BigDecimal unitPrice,
                String itemId,
                String partnerItemId) {
            this(
                    lineNumber,
                    status,
                    quantity,
                    unit,
                    promisedDate,
                    unitPrice,
                    itemId,
                    partnerItemId,
                    List.of(),
                    null,
                    null);
        }

        /** This line with another status. */
        public Line withStatus(LineStatus other) {
            return new Line(
                    lineNumber,
                    other,
                    quantity,
                    unit,
                    promisedDate,
                    unitPrice,
                    itemId,
                    partnerItemId,
                    itemIds,
                    note,
                    statusCode);
        }
    }

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
