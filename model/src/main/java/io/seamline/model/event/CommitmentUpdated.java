package io.seamline.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code po.commitment.updated}: the supplier changes what it promised (865, ORDRSP change, portal, API, email). */
public record CommitmentUpdated(String poNumber, List<Line> lines, String note) implements EventData {

    public static final String TYPE = EventData.type("po.commitment.updated");

    public CommitmentUpdated {
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /**
     * {@code itemId} is our item number, {@code partnerItemId} the supplier's, when the document names them;
     * {@code itemIds} every identity the line sent; {@code note} the line's free text.
     */
    public record Line(
            String lineNumber,
            BigDecimal quantity,
            LocalDate promisedDate,
            String reasonCode,
            String itemId,
            String partnerItemId,
            List<ItemId> itemIds,
            String note) {

        public Line {
            itemIds = ItemId.copy(itemIds);
        }

        public Line(
                String lineNumber,
                BigDecimal quantity,
                LocalDate promisedDate,
                String reasonCode,
                String itemId,
                String partnerItemId) {
            this(lineNumber, quantity, promisedDate, reasonCode, itemId, partnerItemId, List.of(), null);
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
