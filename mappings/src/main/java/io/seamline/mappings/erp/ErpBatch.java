package io.seamline.mappings.erp;

import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import java.util.List;

/**
 * What one ERP document carries: purchase orders or planned shipments to upsert, or goods receipts to apply, all or
 * nothing.
 */
public record ErpBatch(List<PurchaseOrder> purchaseOrders, List<Shipment> shipments, List<GoodsReceipt> receipts) {

    public ErpBatch {
        purchaseOrders = List.copyOf(purchaseOrders);
        shipments = List.copyOf(shipments);
        receipts = List.copyOf(receipts);
    }

    public ErpBatch(List<PurchaseOrder> purchaseOrders, List<Shipment> shipments) {
        this(purchaseOrders, shipments, List.of());
    }

    public static ErpBatch ofPurchaseOrders(List<PurchaseOrder> purchaseOrders) {
        return new ErpBatch(purchaseOrders, List.of());
    }

    public static ErpBatch ofShipments(List<Shipment> shipments) {
        return new ErpBatch(List.of(), shipments);
    }

    public static ErpBatch ofReceipts(List<GoodsReceipt> receipts) {
        return new ErpBatch(List.of(), List.of(), receipts);
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
