package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.decimal;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ERP's goods receipts: recorded once per receipt id, they add what was accepted to the PO lines' received
 * quantities (OTIF counts them by the day they arrived).
 */
@Repository
public class GoodsReceipts {

    private final JdbcClient jdbc;
    private final PurchaseOrders purchaseOrders;
    private final Clock clock;

    public GoodsReceipts(JdbcClient jdbc, PurchaseOrders purchaseOrders, Clock clock) {
        this.jdbc = jdbc;
        this.purchaseOrders = purchaseOrders;
        this.clock = clock;
    }

    /**
     * Records the receipt and adds its accepted quantities to the PO's lines; false (and nothing changed) when the
     * receipt was recorded before.
     */
    public boolean record(GoodsReceipt receipt, PartnerId supplier) {
        int inserted = jdbc.sql(
                        """
                        insert into goods_receipt (receipt_id, po_number, partner_id, shipment_id, received_at,
                            created_at)
                        values (:id, :po, :partner, :shipment, :at, :now)
                        on conflict (receipt_id) do nothing
                        """)
                .param("id", receipt.receiptId())
                .param("po", receipt.poNumber().value())
                .param("partner", supplier.value())
                .param("shipment", receipt.shipmentId())
                .param("at", timestamp(receipt.receivedAt()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (GoodsReceipt.Line line : receipt.lines()) {
            jdbc.sql(
                            """
                            insert into goods_receipt_line (receipt_id, po_number, line_number, received_at, quantity,
                                rejected_quantity, reason)
                            values (:id, :po, :line, :at, :quantity, :rejected, :reason)
                            """)
                    .param("id", receipt.receiptId())
                    .param("po", receipt.poNumber().value())
                    .param("line", line.lineNumber())
                    .param("at", timestamp(receipt.receivedAt()))
                    .param("quantity", line.quantity())
                    .param("rejected", line.rejectedQuantity())
                    .param("reason", line.reason())
                    .update();
        }
        jdbc.sql(
                        """
                        update purchase_order_line l set received_quantity = coalesce(
                            (select sum(r.quantity - r.rejected_quantity) from goods_receipt_line r
                             where r.po_number = l.po_number and r.line_number = l.line_number), 0)
                        where l.po_number = :po
                        """)
                .param("po", receipt.poNumber().value())
                .update();
        purchaseOrders.changed(receipt.poNumber());
        return true;
    }

    /** What a shipment's ship notice said it carried of each line of a PO. */
    public Map<String, BigDecimal> shipped(String shipmentId, PurchaseOrderNumber po) {
        var shipped = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql(
                        """
                        select e.key as line_number, cast(e.value as numeric) as quantity
                        from shipment_po_lines c, jsonb_each(c.lines) e
                        where c.shipment_id = :shipment and c.po_number = :po
                        """)
                .param("shipment", shipmentId)
                .param("po", po.value())
                .query((rs, n) -> shipped.put(rs.getString("line_number"), decimal(rs, "quantity")))
                .list();
        return shipped;
    }

    /** The earlier receipts of a PO line (received and rejected quantities), this receipt left out. */
    public BigDecimal receivedBefore(PurchaseOrderNumber po, String lineNumber, String receiptId) {
        return jdbc.sql(
                        """
                        select coalesce(sum(quantity), 0) from goods_receipt_line
                        where po_number = :po and line_number = :line and receipt_id <> :id
                        """)
                .param("po", po.value())
                .param("line", lineNumber)
                .param("id", receiptId)
                .query(BigDecimal.class)
                .single();
    }
}
