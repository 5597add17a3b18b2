package io.seamline.mappings.erp;

import static io.seamline.mappings.Documents.bytes;
import static io.seamline.mappings.Documents.problems;
import static io.seamline.mappings.Documents.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import org.junit.jupiter.api.Test;

class ErpCsvTest {

    private static final String HEADER =
            "poNumber,partnerId,currency,orderDate,lineNumber,itemId,partnerItemId,quantity,unit,unitPrice,needByDate\n";

    @Test
    void groupsRowsIntoPurchaseOrders() {
        String csv = HEADER
                + "4500012345,acme-supply,USD,2026-11-02,1,WID-100,AC-100,100,EA,2.50,2026-12-01\n"
                + "4500012346,acme-supply,USD,2026-11-02,1,WID-300,,5,EA,99,2026-12-10\n"
                + "4500012345,acme-supply,USD,2026-11-02,2,WID-200,,40,KG,10,2026-12-03\n";

        var batch = valid(ErpFiles.read("orders.csv", bytes(csv)));

        assertThat(batch.purchaseOrders()).hasSize(2);
        assertThat(batch.purchaseOrders().get(0).lines())
                .extracting(l -> l.lineNumber())
                .containsExactly("1", "2");
        assertThat(batch.purchaseOrders().get(1).lines().get(0).partnerItemId()).isNull();
    }

    @Test
    void locatesProblemsByRowAndColumn() {
        String csv = HEADER
                + "4500012345,acme-supply,USD,2026-11-02,1,WID-100,,100,EA,2.50,2026-12-01\n"
                + "4500012345,acme-supply,USD,2026-11-02,1,WID-200,,-4,KG,ten,12/03/2026\n";

        var problems = problems(ErpFiles.read("orders.csv", bytes(csv)));

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem("row 3, column unitPrice", "not a number: 'ten' (use 1234.56)"),
                        new FieldProblem("row 3, column needByDate", "not a date: '12/03/2026' (use YYYY-MM-DD)"),
                        new FieldProblem("row 3, column quantity", "must be greater than 0, was -4"),
                        new FieldProblem("row 3, column lineNumber", "duplicate line number 1"));
    }

    @Test
    void refusesRowsOfOnePurchaseOrderThatDisagreeOnItsHeader() {
        String csv = HEADER
                + "4500012345,acme-supply,USD,2026-11-02,1,WID-100,,100,EA,2.50,2026-12-01\n"
                + "4500012345,acme-supply,EUR,2026-11-02,2,WID-200,,4,KG,1,2026-12-03\n";

        assertThat(problems(ErpFiles.read("orders.csv", bytes(csv))))
                .containsExactly(
                        new FieldProblem("row 3, column currency", "differs from row 2 of the same PO ('USD')"));
    }

    @Test
    void namesUnknownAndMissingColumns() {
        String csv = "poNumber,partner,currency\n1,2,3\n";

        assertThat(problems(ErpFiles.read("orders.csv", bytes(csv))))
                .extracting(FieldProblem::message)
                .contains("missing column 'partnerId'")
                .anySatisfy(m -> assertThat(m).startsWith("unknown column 'partner'"));
    }

    @Test
    void readsShipmentsWithSeveralPurchaseOrders() {
        String csv =
                "shipmentId,carrierId,pro,poNumbers,plannedDelivery,expectedFreightAmount,expectedFreightCurrency\n"
                        + "SH-1,swift-freight,PRO-9,4500012345;4500012346,2026-12-01,800.00,USD\n";

        var batch = valid(ErpFiles.read("shipments.csv", bytes(csv)));

        assertThat(batch.shipments()).singleElement().satisfies(s -> {
            assertThat(s.poNumbers()).hasSize(2);
            assertThat(s.references().pro()).isEqualTo("PRO-9");
            assertThat(s.expectedFreight().currency()).isEqualTo("USD");
        });
    }

    @Test
    void refusesFilesOfOtherTypes() {
        assertThat(problems(ErpFiles.read("orders.xlsx", new byte[] {1, 2})))
                .extracting(FieldProblem::location)
                .containsExactly("file");
    }

    @Test
    void toleratesAByteOrderMark() {
        String csv = "\uFEFF" + HEADER + "4500012345,acme-supply,USD,2026-11-02,1,WID-100,,1,EA,1,2026-12-01\n";

        assertThat(valid(ErpFiles.read("orders.csv", bytes(csv))).purchaseOrders())
                .hasSize(1);
    }
}
