package io.seamline.mappings.erp;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import java.util.List;

/** What one ERP document carries: purchase orders or planned shipments to upsert, all or nothing. */
public record ErpBatch(List<PurchaseOrder> purchaseOrders, List<Shipment> shipments) {

    public ErpBatch {
        purchaseOrders = List.copyOf(purchaseOrders);
        shipments = List.copyOf(shipments);
    }

    public static ErpBatch ofPurchaseOrders(List<PurchaseOrder> purchaseOrders) {
        return new ErpBatch(purchaseOrders, List.of());
    }

    public static ErpBatch ofShipments(List<Shipment> shipments) {
        return new ErpBatch(List.of(), shipments);
    }

    public boolean isEmpty() {
        return purchaseOrders.isEmpty() && shipments.isEmpty();
    }

    /** {@code purchase-orders} or {@code shipments}: the archive's document type for this batch. */
    public String documentType() {
        return shipments.isEmpty() ? "erp.purchase-orders" : "erp.shipments";
    }
}
