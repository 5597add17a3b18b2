package io.seamline.model.order;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.util.Objects;

/** Which purchase orders to list. {@code status} and {@code partnerId} are optional filters. */
public record PurchaseOrderQuery(
        PartnerScope scope, PurchaseOrderStatus status, PartnerId partnerId, String search, Window window) {

    public PurchaseOrderQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
    }
}
