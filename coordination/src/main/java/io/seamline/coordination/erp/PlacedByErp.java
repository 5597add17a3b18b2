package io.seamline.coordination.erp;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import java.util.List;

/**
 * The ERP created these purchase orders and planned shipments (published inside the import's transaction): the
 * orders go to their suppliers, the shipments are tendered to their carriers.
 */
public record PlacedByErp(List<PurchaseOrder> orders, List<Shipment> shipments) {

    public PlacedByErp {
        orders = List.copyOf(orders);
        shipments = List.copyOf(shipments);
    }
}
