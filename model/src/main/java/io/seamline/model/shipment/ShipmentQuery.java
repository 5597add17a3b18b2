package io.seamline.model.shipment;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.util.Objects;

/** Which shipments to list; {@code status}, {@code carrierId} and {@code poNumber} are optional filters. */
public record ShipmentQuery(
        PartnerScope scope, ShipmentStatus status, PartnerId carrierId, String poNumber, Window window) {

    public ShipmentQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
    }
}
