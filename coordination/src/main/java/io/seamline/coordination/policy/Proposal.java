package io.seamline.coordination.policy;

import io.seamline.model.event.OrderAcknowledged.LineStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a supplier proposes for one PO line, from an acknowledgement or a commitment update: its line status
 * ({@code ACCEPTED}, {@code CHANGED}, {@code BACKORDERED}, {@code REJECTED}; null when the document has none), and
 * the quantity, date and unit price it commits to (null when it says nothing of them).
 */
public record Proposal(
        String lineNumber, LineStatus status, BigDecimal quantity, LocalDate promisedDate, BigDecimal unitPrice) {

    public boolean rejected() {
        return status == LineStatus.REJECTED;
    }

    public boolean backordered() {
        return status == LineStatus.BACKORDERED;
    }
}
