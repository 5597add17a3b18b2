package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.SWIFT;
import static io.seamline.adapters.persistence.Fixtures.carrier;
import static io.seamline.adapters.persistence.Fixtures.line;
import static io.seamline.adapters.persistence.Fixtures.order;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database with shipment lines written one row per line before V33, upgraded: each shipment carries what it carried,
 * and a PO line's shipped quantity is still the sum over its shipments.
 */
class ShipmentLinesUpgradeIT {

    private final TestDatabase db = TestDatabase.get();

    @Test
    void linesWrittenARowEachBeforeTheUpgradeAreWhatTheShipmentsCarryAfterIt() {
        try (var scratch = ScratchDatabase.migratedTo(db, "32")) {
            JdbcClient jdbc = scratch.jdbc;
            var partners = new Partners(jdbc, TestDatabase.CLOCK);
            partners.add(supplier(ACME, "ACMESUPPLY"));
            partners.add(carrier(SWIFT, "SWFT"));
            var orders = new PurchaseOrders(jdbc, TestDatabase.CLOCK);
            orders.upsert(order("4500000001", ACME, line("1", "WID-1", "10"), line("2", "WID-2", "10")));
            for (String shipment : List.of("SH-1", "SH-2")) {
                jdbc.sql("insert into shipment (shipment_id, carrier_id, status, created_at, updated_at)"
                                + " values (:s, 'swift-freight', 'IN_TRANSIT', now(), now())")
                        .param("s", shipment)
                        .update();
            }
            for (Object[] row : List.of(
                    new Object[] {"SH-1", "1", "6.0000", "EA"},
                    new Object[] {"SH-1", "2", "10.0000", "EA"},
                    new Object[] {"SH-2", "1", "4.5000", "EA"})) {
                jdbc.sql("insert into shipment_line (shipment_id, po_number, line_number, quantity, unit)"
                                + " values (:s, '4500000001', :line, cast(:q as numeric), :unit)")
                        .param("s", row[0])
                        .param("line", row[1])
                        .param("q", row[2])
                        .param("unit", row[3])
                        .update();
            }

            scratch.upgrade();

            var shipments = new Shipments(jdbc, TestDatabase.CLOCK);
            assertThat(shipments.lines(ShipmentId.of("SH-1")))
                    .extracting(ShipmentLine::lineNumber, l -> l.quantity().toPlainString(), ShipmentLine::unit)
                    .containsExactly(tuple("1", "6", "EA"), tuple("2", "10", "EA"));
            var po = PurchaseOrderNumber.of("4500000001");
            orders.refreshShipped(po);
            assertThat(orders.find(po, PartnerScope.everyone()).orElseThrow().lines())
                    .extracting(PurchaseOrderLine::lineNumber, l -> l.shippedQuantity()
                            .toPlainString())
                    .containsExactly(tuple("1", "10.5"), tuple("2", "10"));
        }
    }
}
