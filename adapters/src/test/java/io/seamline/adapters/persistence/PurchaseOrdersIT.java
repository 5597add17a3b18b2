package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static io.seamline.adapters.persistence.Fixtures.line;
import static io.seamline.adapters.persistence.Fixtures.order;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.UpsertOutcome;
import io.seamline.model.Window;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.partner.PartnerScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurchaseOrdersIT {

    private final TestDatabase db = TestDatabase.get();
    private final PurchaseOrders orders = new PurchaseOrders(db.jdbc, TestDatabase.CLOCK);

    @BeforeEach
    void partners() {
        db.clean();
        var partners = new Partners(db.jdbc, TestDatabase.CLOCK);
        partners.add(supplier(ACME, "ACMESUPPLY"));
        partners.add(supplier(GLOBEX, "GLOBEX"));
    }

    @Test
    void createsThenReadsAnOrderWithItsLinesInOrder() {
        var po = order("4500012345", ACME, line("10", "WID-1", "100"), line("2", "WID-2", "40.5"));

        assertThat(orders.upsert(po)).isEqualTo(UpsertOutcome.CREATED);

        var read = orders.find(PurchaseOrderNumber.of("4500012345"), PartnerScope.everyone())
                .orElseThrow();
        assertThat(read.lines()).extracting(l -> l.lineNumber()).containsExactly("10", "2");
        assertThat(read.lines().get(1).quantity()).isEqualTo(new java.math.BigDecimal("40.5"));
        assertThat(read).isEqualTo(po);
    }

    private void ship(String shipment, String line, String quantity) {
        db.jdbc
                .sql("insert into shipment (shipment_id, carrier_id, status, created_at, updated_at)"
                        + " values (:s, :carrier, 'IN_TRANSIT', now(), now())"
                        + " on conflict do nothing")
                .param("s", shipment)
                .param("carrier", ACME.value())
                .update();
        db.jdbc
                .sql("insert into shipment_po_lines (shipment_id, po_number, lines)"
                        + " values (:s, '4500012345', jsonb_build_object(:line, cast(:q as numeric)))"
                        + " on conflict (shipment_id, po_number) do update"
                        + " set lines = shipment_po_lines.lines || excluded.lines")
                .param("s", shipment)
                .param("line", line)
                .param("q", quantity)
                .update();
    }

    /** This connection's updates of PO lines so far in its transaction. */
    private long lineUpdates() {
        return db.jdbc
                .sql("select n_tup_upd from pg_stat_xact_user_tables where relname = 'purchase_order_line'")
                .query(Long.class)
                .single();
    }

    @Test
    void shippedQuantitiesAndStatusesAreWrittenOnceAndOnlyWhereTheyChange() {
        orders.upsert(
                order("4500012345", ACME, line("1", "WID-1", "100"), line("2", "WID-2", "5"), line("3", "WID-3", "7")));
        db.jdbc
                .sql("update purchase_order_line set status = 'REJECTED' where line_number = '3'")
                .update();
        var po = PurchaseOrderNumber.of("4500012345");
        ship("ASN-1", "1", "30");
        ship("ASN-1", "3", "7");

        db.transactions.executeWithoutResult(tx -> {
            long before = lineUpdates();
            orders.refreshShipped(po);
            assertThat(lineUpdates() - before)
                    .as("lines 1 and 3 shipped, line 2 untouched")
                    .isEqualTo(2);
            orders.refreshShipped(po);
            assertThat(lineUpdates() - before)
                    .as("the same ship notice again changes nothing")
                    .isEqualTo(2);
        });
        var read = orders.find(po, PartnerScope.everyone()).orElseThrow();
        assertThat(read.line("1").orElseThrow().status()).isEqualTo(LineStatus.PARTIALLY_SHIPPED);
        assertThat(read.line("1").orElseThrow().shippedQuantity()).isEqualByComparingTo("30");
        assertThat(read.line("2").orElseThrow().status()).isEqualTo(LineStatus.OPEN);
        assertThat(read.line("3").orElseThrow().status())
                .as("rejected stays rejected")
                .isEqualTo(LineStatus.REJECTED);
        assertThat(read.status().name()).isEqualTo("PARTIALLY_SHIPPED");

        ship("ASN-2", "1", "70");
        ship("ASN-2", "2", "5");
        orders.refreshShipped(po);

        read = orders.find(po, PartnerScope.everyone()).orElseThrow();
        assertThat(read.lines())
                .extracting(l -> l.lineNumber() + ":" + l.status() + ":"
                        + l.shippedQuantity().stripTrailingZeros().toPlainString())
                .containsExactly("1:SHIPPED:100", "2:SHIPPED:5", "3:REJECTED:7");
        assertThat(read.status().name()).isEqualTo("SHIPPED");
    }

    @Test
    void reportsAnUnchangedOrderAsUnchanged() {
        orders.upsert(order("4500012345", ACME, line("1", "WID-1", "100")));

        assertThat(orders.upsert(order("4500012345", ACME, line("1", "WID-1", "100.000"))))
                .isEqualTo(UpsertOutcome.UNCHANGED);
    }

    @Test
    void updatesOrderedFieldsAndCancelsLinesTheErpDropped() {
        orders.upsert(order("4500012345", ACME, line("1", "WID-1", "100"), line("2", "WID-2", "5")));
        db.jdbc
                .sql("update purchase_order_line set shipped_quantity = 30 where line_number = '1'")
                .update();

        var outcome = orders.upsert(order("4500012345", ACME, line("1", "WID-1", "120"), line("3", "WID-3", "7")));

        assertThat(outcome).isEqualTo(UpsertOutcome.UPDATED);
        var read = orders.find(PurchaseOrderNumber.of("4500012345"), PartnerScope.everyone())
                .orElseThrow();
        assertThat(read.line("1").orElseThrow().quantity()).isEqualByComparingTo("120");
        assertThat(read.line("1").orElseThrow().shippedQuantity()).isEqualByComparingTo("30");
        assertThat(read.line("2").orElseThrow().status()).isEqualTo(LineStatus.CANCELLED);
        assertThat(read.line("3").orElseThrow().status()).isEqualTo(LineStatus.OPEN);
    }

    @Test
    void showsAPartnerOnlyItsOwnOrders() {
        orders.upsert(order("4500000001", ACME, line("1", "WID-1", "1")));
        orders.upsert(order("4500000002", GLOBEX, line("1", "WID-1", "1")));
        var acmeOnly = PartnerScope.only(ACME);

        assertThat(orders.find(PurchaseOrderNumber.of("4500000001"), acmeOnly)).isPresent();
        assertThat(orders.find(PurchaseOrderNumber.of("4500000002"), acmeOnly)).isEmpty();
        var page = orders.list(new PurchaseOrderQuery(acmeOnly, null, null, null, Window.first(50)));
        assertThat(page.items()).extracting(p -> p.number().value()).containsExactly("4500000001");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void listsWithFiltersSearchAndPages() {
        for (int i = 1; i <= 5; i++) {
            orders.upsert(order("450000000" + i, i % 2 == 0 ? GLOBEX : ACME, line("1", "WID-" + i, "1")));
        }

        var everyone = PartnerScope.everyone();
        assertThat(orders.list(new PurchaseOrderQuery(everyone, null, GLOBEX, null, Window.first(50)))
                        .total())
                .isEqualTo(2);
        assertThat(orders.list(new PurchaseOrderQuery(everyone, null, null, "wid-3", Window.first(50)))
                        .items())
                .extracting(p -> p.number().value())
                .containsExactly("4500000003");
        var second = orders.list(new PurchaseOrderQuery(everyone, null, null, null, new Window(2, 2)));
        assertThat(second.items()).extracting(p -> p.number().value()).containsExactly("4500000003", "4500000004");
        assertThat(second.total()).isEqualTo(5);
    }

    @Test
    void recordsCommitmentsAndInvoicedQuantitiesOfManyLinesAtOnce() {
        var number = PurchaseOrderNumber.of("4500012345");
        orders.upsert(
                order("4500012345", ACME, line("1", "WID-1", "100"), line("2", "WID-2", "40"), line("3", "W", "5")));

        db.transactions.executeWithoutResult(tx -> {
            orders.commit(
                    number,
                    java.util.List.of(
                            new PurchaseOrders.LineCommitment(
                                    "1",
                                    new java.math.BigDecimal("90"),
                                    java.time.LocalDate.of(2026, 12, 3),
                                    LineStatus.CONFIRMED),
                            new PurchaseOrders.LineCommitment("2", null, null, LineStatus.REJECTED)));
            orders.addInvoiced(java.util.List.of(
                    new PurchaseOrders.InvoicedLine(number, "1", new java.math.BigDecimal("30")),
                    new PurchaseOrders.InvoicedLine(number, "1", new java.math.BigDecimal("12.5")),
                    new PurchaseOrders.InvoicedLine(number, "3", new java.math.BigDecimal("5"))));
        });

        var lines = orders.find(number, PartnerScope.everyone()).orElseThrow().lines();
        assertThat(lines.get(0).status()).isEqualTo(LineStatus.CONFIRMED);
        assertThat(lines.get(0).promisedQuantity()).isEqualByComparingTo("90");
        assertThat(lines.get(0).promisedDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        assertThat(lines.get(0).invoicedQuantity())
                .as("two invoice lines on one PO line")
                .isEqualByComparingTo("42.5");
        assertThat(lines.get(1).status()).isEqualTo(LineStatus.REJECTED);
        assertThat(lines.get(1).promisedQuantity()).isNull();
        assertThat(lines.get(2).status()).as("untouched").isEqualTo(LineStatus.OPEN);
        assertThat(lines.get(2).invoicedQuantity()).isEqualByComparingTo("5");
    }

    @Test
    void knowsTheOwnerOfAnOrder() {
        orders.upsert(order("4500000001", ACME, line("1", "WID-1", "1")));

        assertThat(orders.ownerOf(PurchaseOrderNumber.of("4500000001"))).hasValue(ACME);
        assertThat(orders.ownerOf(PurchaseOrderNumber.of("4599999999"))).isEmpty();
    }

    @Test
    void aTransactionReadsAnOrderOnceAndAgainAfterChangingIt() {
        var number = PurchaseOrderNumber.of("4500012345");
        orders.upsert(order("4500012345", ACME, line("1", "WID-1", "100")));

        db.transactions.executeWithoutResult(tx -> {
            var locked = orders.lock(number).orElseThrow();
            db.jdbc
                    .sql("update purchase_order_line set item_id = 'CHANGED-BEHIND' where po_number = :po")
                    .param("po", number.value())
                    .update();
            assertThat(orders.find(number, PartnerScope.everyone()))
                    .as("the transaction's copy")
                    .hasValue(locked);
            assertThat(orders.lock(number)).as("locked once, the same copy").hasValue(locked);
            assertThat(orders.find(number, PartnerScope.only(GLOBEX)))
                    .as("the scope still applies")
                    .isEmpty();

            orders.commit(
                    number,
                    java.util.List.of(new PurchaseOrders.LineCommitment("1", null, null, LineStatus.CONFIRMED)));
            var after = orders.find(number, PartnerScope.everyone()).orElseThrow();
            assertThat(after.lines().get(0).status())
                    .as("read again after the repository changed it")
                    .isEqualTo(LineStatus.CONFIRMED);
            assertThat(after.lines().get(0).itemId()).isEqualTo("CHANGED-BEHIND");
        });
    }
}
