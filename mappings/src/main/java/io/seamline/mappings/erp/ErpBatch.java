package io.seamline.mappings.erp;

import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentRoute;
import java.util.List;
import java.util.Map;

/**
 * What one ERP document carries: purchase orders or planned shipments to upsert, or goods receipts to apply, all or
 * nothing.
 */
public record ErpBatch(
        List<PurchaseOrder> purchaseOrders,
        List<Shipment> shipments,
        List<GoodsReceipt> receipts,
        Map<String, ShipmentRoute> routes) {

    public ErpBatch {
        purchaseOrders = List.copyOf(purchaseOrders);
        shipments = List.copyOf(shipments);
        receipts = List.copyOf(receipts);
        routes = Map.copyOf(routes);
    }

    public ErpBatch(List<PurchaseOrder> purchaseOrders, List<Shipment> shipments) {
        this(purchaseOrders, shipments, List.of(), Map.of());
    }

    /** Shipments with the ocean or air legs to book for some of them (by shipment id). */
    public static ErpBatch ofShipments(List<Shipment> shipments, Map<String, ShipmentRoute> routes) {
        return new ErpBatch(List.of(), shipments, List.of(), routes);
    }

    public static ErpBatch ofPurchaseOrders(List<PurchaseOrder> purchaseOrders) {
        return new ErpBatch(purchaseOrders, List.of());
    }

    public static ErpBatch ofShipments(List<Shipment> shipments) {
        return new ErpBatch(List.of(), shipments);
    }

    public static ErpBatch ofReceipts(List<GoodsReceipt> receipts) {
        return new ErpBatch(List.of(), List.of(), receipts, Map.of());
    }

    public boolean isEmpty() {
        return purchaseOrders.isEmpty() && shipments.isEmpty() && receipts.isEmpty();
    }

    /** {@code erp.purchase-orders}, {@code erp.shipments} or {@code erp.receipts}: the archive's document type. */
    public String documentType() {
        if (!receipts.isEmpty()) {
            return "erp.receipts";
        }
        return shipments.isEmpty() ? "erp.purchase-orders" : "erp.shipments";
    }
}
