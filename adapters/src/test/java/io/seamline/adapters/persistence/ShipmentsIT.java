package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static io.seamline.adapters.persistence.Fixtures.SWIFT;
import static io.seamline.adapters.persistence.Fixtures.carrier;
import static io.seamline.adapters.persistence.Fixtures.line;
import static io.seamline.adapters.persistence.Fixtures.order;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seamline.model.Money;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.Window;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentsIT {

    private final TestDatabase db = TestDatabase.get();
    private final Shipments shipments = new Shipments(db.jdbc, TestDatabase.CLOCK);

    @BeforeEach
    void data() {
        db.clean();
        var partners = new Partners(db.jdbc, TestDatabase.CLOCK);
        partners.add(supplier(ACME, "ACMESUPPLY"));
        partners.add(supplier(GLOBEX, "GLOBEX"));
        partners.add(carrier(SWIFT, "SWFT"));
        var orders = new PurchaseOrders(db.jdbc, TestDatabase.CLOCK);
        orders.upsert(order("4500000001", ACME, line("1", "WID-1", "1")));
        orders.upsert(order("4500000002", GLOBEX, line("1", "WID-1", "1")));
    }

    private static Shipment planned(String id, String... pos) {
        return new Shipment(
                ShipmentId.of(id),
                SWIFT,
                null,
                new ShipmentReferences("BOL-" + id, "PRO-" + id, null, null, null),
                List.of(pos).stream().map(PurchaseOrderNumber::of).toList(),
                LocalDate.of(2026, 12, 1),
                null,
                Money.of("1250.00", "USD"),
                ShipmentStatus.PLANNED);
    }

    @Test
    void createsUpdatesAndRecognisesAnUnchangedPlan() {
        assertThat(shipments.upsert(planned("SH-1", "4500000001"))).isEqualTo(UpsertOutcome.CREATED);
        assertThat(shipments.upsert(planned("SH-1", "4500000001"))).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(shipments.upsert(planned("SH-1", "4500000001", "4500000002")))
                .isEqualTo(UpsertOutcome.UPDATED);

        var read =
                shipments.find(ShipmentId.of("SH-1"), PartnerScope.everyone()).orElseThrow();
        assertThat(read.poNumbers()).extracting(PurchaseOrderNumber::value).containsExactly("4500000001", "4500000002");
        assertThat(read.expectedFreight().amount()).isEqualByComparingTo("1250");
        assertThat(read.references().pro()).isEqualTo("PRO-SH-1");
    }

    @Test
    void showsAShipmentToItsCarrierAndToTheSuppliersOfItsOrdersOnly() {
        shipments.upsert(planned("SH-1", "4500000001"));

        assertThat(shipments.find(ShipmentId.of("SH-1"), PartnerScope.only(SWIFT)))
                .isPresent();
        assertThat(shipments.find(ShipmentId.of("SH-1"), PartnerScope.only(ACME)))
                .isPresent();
        assertThat(shipments.find(ShipmentId.of("SH-1"), PartnerScope.only(GLOBEX)))
                .isEmpty();
        assertThat(shipments
                        .list(new ShipmentQuery(PartnerScope.only(GLOBEX), null, null, null, Window.first(10)))
                        .total())
                .isZero();
    }

    @Test
    void filtersByPurchaseOrder() {
        shipments.upsert(planned("SH-1", "4500000001"));
        shipments.upsert(planned("SH-2", "4500000002"));

        var page =
                shipments.list(new ShipmentQuery(PartnerScope.everyone(), null, null, "4500000002", Window.first(10)));

        assertThat(page.items()).extracting(s -> s.id().value()).containsExactly("SH-2");
        assertThat(shipments.carrierOf(ShipmentId.of("SH-2"))).hasValue(SWIFT);
    }

    @Test
    void aTransactionsStatusReportsAreOneUpdateWhenItCommitsAndItsCopiesFollowThemAtOnce() {
        shipments.upsert(planned("SH-1", "4500000001"));
        var id = ShipmentId.of("SH-1");
        var eta = java.time.LocalDateTime.of(2026, 12, 3, 16, 0);
        var delivered = TestDatabase.NOW.plusSeconds(3600);
        ShipmentStatus[] stored = new ShipmentStatus[1];

        db.transactions.executeWithoutResult(tx -> {
            assertThat(shipments.byReferences(Map.of("pro", "PRO-SH-1"))).hasSize(1);
            shipments.reportStatus(id, ShipmentStatus.IN_TRANSIT, eta);
            shipments.reportStatus(id, ShipmentStatus.DELIVERED, null, delivered);
            shipments.reportStatus(id, ShipmentStatus.DELIVERED, null, delivered.plusSeconds(60));
            stored[0] = db.jdbc
                    .sql("select status from shipment where shipment_id = 'SH-1'")
                    .query(String.class)
                    .optional()
                    .map(ShipmentStatus::valueOf)
                    .orElseThrow();
            assertThat(shipments.byReferences(Map.of("pro", "PRO-SH-1")))
                    .as("the transaction's copy follows the reports")
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.status()).isEqualTo(ShipmentStatus.DELIVERED);
                        assertThat(s.estimatedDelivery()).isEqualTo(eta);
                    });
        });

        assertThat(stored[0]).as("held back until commit").isEqualTo(ShipmentStatus.PLANNED);
        var read = shipments.find(id, PartnerScope.everyone()).orElseThrow();
        assertThat(read.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(read.estimatedDelivery()).as("the last ETA given").isEqualTo(eta);
        assertThat(shipments.deliveredAt(id)).as("the first delivery").hasValue(delivered);
    }

    @Test
    void aPartnerSeesByReferencesOnlyWhatItsScopeCoversAndSeesAShipmentAsSoonAsItBecomesAPartyInTheSameTransaction() {
        var partners = new Partners(db.jdbc, TestDatabase.CLOCK);
        var broker = PartnerId.of("border-brokers");
        partners.add(carrier(broker, "BRDR"));
        shipments.upsert(planned("SH-1", "4500000001"));
        var references = Map.of("pro", "PRO-SH-1", "bol", "BOL-SH-1");

        db.transactions.executeWithoutResult(tx -> {
            assertThat(shipments.byReferences(references, PartnerScope.only(broker)))
                    .as("not its shipment yet")
                    .isEmpty();
            assertThat(shipments.byReferences(references, PartnerScope.only(broker)))
                    .as("asked again")
                    .isEmpty();
            assertThat(shipments.byReferences(references, PartnerScope.only(GLOBEX)))
                    .as("a supplier whose POs it does not carry")
                    .isEmpty();
            assertThat(shipments.byReferences(references, PartnerScope.only(ACME)))
                    .as("the supplier of its PO")
                    .singleElement()
                    .extracting(s -> s.id().value())
                    .isEqualTo("SH-1");

            assertThat(shipments.assign(ShipmentId.of("SH-1"), PartnerRole.BROKER, broker))
                    .isTrue();

            assertThat(shipments.byReferences(references, PartnerScope.only(broker)))
                    .as("its broker now, in the same transaction")
                    .singleElement()
                    .extracting(s -> s.id().value())
                    .isEqualTo("SH-1");
            assertThat(shipments.byReferences(references, PartnerScope.only(GLOBEX)))
                    .as("still not another supplier's")
                    .isEmpty();

            shipments.advise(
                    ShipmentId.of("SH-1"),
                    GLOBEX,
                    null,
                    new ShipmentReferences("BOL-SH-1", "PRO-SH-1", null, null, null),
                    LocalDate.of(2026, 12, 1),
                    null,
                    List.of(PurchaseOrderNumber.of("4500000002")));

            assertThat(shipments.byReferences(references, PartnerScope.only(GLOBEX)))
                    .as("the supplier that advised it now, in the same transaction")
                    .singleElement()
                    .extracting(s -> s.id().value())
                    .isEqualTo("SH-1");
        });
    }

    @Test
    void ofTwoShipmentsFoundByOneReferenceASupplierSeesTheOneCarryingItsOrderWithItsOrders() {
        shipments.upsert(withContainer(planned("SH-1", "4500000001")));
        shipments.upsert(withContainer(planned("SH-2", "4500000002")));
        var container = Map.of("container", "MSCU1234567");

        db.transactions.executeWithoutResult(tx -> {
            assertThat(shipments.byReferences(container, PartnerScope.everyone()))
                    .extracting(s -> s.id().value(), s -> s.poNumbers().get(0).value())
                    .containsExactlyInAnyOrder(tuple("SH-1", "4500000001"), tuple("SH-2", "4500000002"));
            assertThat(shipments.byReferences(container, PartnerScope.only(GLOBEX)))
                    .extracting(s -> s.id().value())
                    .containsExactly("SH-2");
            assertThat(shipments.byReferences(container, PartnerScope.only(SWIFT)))
                    .as("their carrier")
                    .hasSize(2);
        });
    }

    private static Shipment withContainer(Shipment shipment) {
        var refs = shipment.references();
        return new Shipment(
                shipment.id(),
                shipment.carrierId(),
                shipment.brokerId(),
                new ShipmentReferences(refs.bol(), refs.pro(), "MSCU1234567", null, null),
                shipment.poNumbers(),
                shipment.plannedDelivery(),
                shipment.estimatedDelivery(),
                shipment.expectedFreight(),
                shipment.status());
    }

    @Test
    void aShipmentsLinesOfOnePoAreOneRowAndALaterNoticeReplacesOnlyTheLinesItNames() {
        // the POs have line 1 only: a line the PO does not have is carried all the same, without a unit
        shipments.upsert(planned("SH-1", "4500000001", "4500000002"));
        ShipmentId id = ShipmentId.of("SH-1");
        var acme = PurchaseOrderNumber.of("4500000001");
        var globex = PurchaseOrderNumber.of("4500000002");

        shipments.putLines(
                id,
                List.of(
                        new ShipmentLine(acme, "1", new BigDecimal("10"), "EA"),
                        new ShipmentLine(acme, "10", new BigDecimal("2.50"), "EA"),
                        new ShipmentLine(globex, "1", new BigDecimal("7"), "EA")));
        shipments.putLines(
                id,
                List.of(
                        new ShipmentLine(acme, "10", new BigDecimal("3"), "EA"),
                        new ShipmentLine(acme, "2", new BigDecimal("0.12345"), "EA")));

        assertThat(shipments.lines(id))
                .extracting(
                        l -> l.poNumber().value(),
                        ShipmentLine::lineNumber,
                        l -> l.quantity().toPlainString(),
                        ShipmentLine::unit)
                .containsExactly(
                        tuple("4500000001", "1", "10", "EA"),
                        tuple("4500000001", "10", "3", null),
                        tuple("4500000001", "2", "0.1235", null),
                        tuple("4500000002", "1", "7", "EA"));
        assertThat(db.jdbc
                        .sql("select count(*) from shipment_po_lines where shipment_id = 'SH-1'")
                        .query(Long.class)
                        .single())
                .as("one row per PO the shipment carries")
                .isEqualTo(2);
        var receipts = new GoodsReceipts(db.jdbc, new PurchaseOrders(db.jdbc, TestDatabase.CLOCK), TestDatabase.CLOCK);
        assertThat(receipts.shipped("SH-1", acme))
                .containsOnlyKeys("1", "10", "2")
                .hasEntrySatisfying("10", q -> assertThat(q).isEqualByComparingTo("3"));
        assertThat(receipts.shipped("SH-1", globex)).containsOnlyKeys("1");
        assertThat(receipts.shipped("SH-2", acme)).isEmpty();
    }
}
