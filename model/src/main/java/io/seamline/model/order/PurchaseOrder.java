package io.seamline.model.order;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase order we placed with a supplier; the ERP is its system of record. {@code acknowledgeBy} is when the
 * ERP asked the supplier to acknowledge it, if it did (else the supplier's SLA profile decides). A {@code test} PO was
 * created for a partner's certification: only its test documents reach it, and it moves nothing in production.
 */
public record PurchaseOrder(
        PurchaseOrderNumber number,
        PartnerId partnerId,
        String currency,
        LocalDate orderDate,
        PurchaseOrderStatus status,
        List<PurchaseOrderLine> lines,
        Instant acknowledgeBy,
        boolean test) {

    public PurchaseOrder {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(orderDate, "orderDate");
        status = status == null ? PurchaseOrderStatus.OPEN : status;
        lines = List.copyOf(lines);
        var numbers = new HashSet<String>();
        for (PurchaseOrderLine line : lines) {
            if (!numbers.add(line.lineNumber())) {
                throw new IllegalArgumentException("PO " + number + " has line " + line.lineNumber() + " twice");
            }
        }
    }

    /** A PO without a requested acknowledgement time: the supplier's SLA profile says when it is due. */
    public PurchaseOrder(
            PurchaseOrderNumber number,
            PartnerId partnerId,
            String currency,
            LocalDate orderDate,
            PurchaseOrderStatus status,
            List<PurchaseOrderLine> lines) {
        this(number, partnerId, currency, orderDate, status, lines, null, false);
    }

    /** A production PO. */
    public PurchaseOrder(
            PurchaseOrderNumber number,
            PartnerId partnerId,
            String currency,
            LocalDate orderDate,
            PurchaseOrderStatus status,
            List<PurchaseOrderLine> lines,
            Instant acknowledgeBy) {
        this(number, partnerId, currency, orderDate, status, lines, acknowledgeBy, false);
    }

    public Optional<PurchaseOrderLine> line(String lineNumber) {
        return lines.stream().filter(l -> l.lineNumber().equals(lineNumber)).findFirst();
    }
}
