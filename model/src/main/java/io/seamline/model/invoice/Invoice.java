package io.seamline.model.invoice;

import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.ShipmentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A partner's invoice: a supplier's for goods (matched to PO lines) or a carrier's for freight (audited against the
 * shipment's expected freight). Invoice numbers are unique per partner.
 */
public record Invoice(
        PartnerId partnerId,
        String number,
        InvoiceReceived.Kind kind,
        LocalDate invoiceDate,
        String currency,
        BigDecimal total,
        InvoiceStatus status,
        ShipmentId shipmentId,
        List<String> poNumbers) {

    public Invoice {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
    }
}
