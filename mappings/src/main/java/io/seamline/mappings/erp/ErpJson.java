package io.seamline.mappings.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpDocuments.PaymentDocument;
import io.seamline.mappings.erp.ErpDocuments.PurchaseOrderDocument;
import io.seamline.mappings.erp.ErpDocuments.ReceiptDocument;
import io.seamline.mappings.erp.ErpDocuments.ShipmentDocument;
import io.seamline.mappings.json.Json;
import io.seamline.mappings.json.JsonDocuments;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.payment.Payment;
import io.seamline.model.shipment.Shipment;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the ERP's JSON: one purchase order (or shipment) object, or an array of them. Problems are located by
 * field path: {@code lines[1].quantity}, or {@code [2].lines[1].quantity} inside an array.
 */
public final class ErpJson {

    private ErpJson() {}

    public static Parsed<List<PurchaseOrder>> purchaseOrders(byte[] json) {
        return read(json, PurchaseOrderDocument.class, (validation) -> validation::purchaseOrders);
    }

    public static Parsed<List<Shipment>> shipments(byte[] json) {
        return read(json, ShipmentDocument.class, (validation) -> validation::shipments);
    }

    /** Shipments with the routes to book for those that have one. */
    public static Parsed<ErpBatch> shipmentBatch(byte[] json) {
        var routes = new java.util.LinkedHashMap<String, io.seamline.model.shipment.ShipmentRoute>();
        return read(json, ShipmentDocument.class, (validation) -> documents -> {
                    List<Shipment> shipments = validation.shipments(documents);
                    routes.putAll(validation.routes());
                    return shipments;
                })
                .map(shipments -> ErpBatch.ofShipments(shipments, routes));
    }

    public static Parsed<List<GoodsReceipt>> receipts(byte[] json) {
        return read(json, ReceiptDocument.class, (validation) -> validation::receipts);
    }

    public static Parsed<List<Payment>> payments(byte[] json) {
        return read(json, PaymentDocument.class, (validation) -> validation::payments);
    }

    /** Reads whichever the document holds, told apart by its first object's fields. */
    public static Parsed<ErpBatch> batch(byte[] json) {
        JsonNode first = firstObject(json);
        if (first != null && first.has("receiptId")) {
            return receipts(json).map(ErpBatch::ofReceipts);
        }
        if (first != null && first.has("shipmentId") && !first.has("poNumber")) {
            return shipmentBatch(json);
        }
        return purchaseOrders(json).map(ErpBatch::ofPurchaseOrders);
    }

    private static <D, T> Parsed<List<T>> read(
            byte[] json, Class<D> type, Function<ErpValidation, Function<List<D>, List<T>>> convert) {
        return JsonDocuments.oneOrMany(json, type).flatMap(read -> {
            boolean array = read.array();
            var validation = new ErpValidation((d, l, field) -> (array ? "[" + d + "]" : "")
                    + (l >= 0 ? (array ? "." : "") + "lines[" + l + "]" : "")
                    + (field.isEmpty() ? "" : ((array || l >= 0) ? "." : "") + field));
            List<T> values = convert.apply(validation).apply(read.documents());
            return validation.problems().isEmpty() ? Parsed.valid(values) : Parsed.invalid(validation.problems());
        });
    }

    private static JsonNode firstObject(byte[] json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            return root != null && root.isArray() ? root.path(0) : root;
        } catch (IOException e) {
            return null;
        }
    }
}
