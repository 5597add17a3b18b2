package io.seamline.model.shipment;

import io.seamline.model.Money;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A shipment moving goods for one or more purchase orders. {@code estimatedDelivery} is the carrier's latest ETA,
 * local time at the destination; {@code expectedFreight} is what the freight audit compares invoices against.
 * {@code carrierId} is null while nobody knows the carrier (a supplier's ship notice can come first); {@code brokerId}
 * is the customs broker assigned to it (by the ERP, or by ops accepting a broker's first customs document), else null.
 * The carrier and the broker are parties of the shipment: what each may assert about it follows from that.
 */
public record Shipment(
        ShipmentId id,
        PartnerId carrierId,
        PartnerId brokerId,
        ShipmentReferences references,
        List<PurchaseOrderNumber> poNumbers,
        LocalDate plannedDelivery,
        LocalDateTime estimatedDelivery,
        Money expectedFreight,
        ShipmentStatus status) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        references = references == null ? ShipmentReferences.none() : references;
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
        status = status == null ? ShipmentStatus.PLANNED : status;
    }
}
