package io.seamline.mappings.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.email.Disputes;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.payment.Payment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsAndPaymentsTest {

    private static <T> T valid(Parsed<T> parsed) {
        assertThat(parsed).as(String.valueOf(parsed)).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<T>) parsed).value();
    }

    private static List<String> problems(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed)
                .problems().stream().map(FieldProblem::toString).toList();
    }

    @Test
    void aCsvReceiptFileGroupsItsLinesByReceipt() {
        String csv =
                """
                receiptId,poNumber,receivedAt,lineNumber,quantity,rejectedQuantity,reason,shipmentId
                GR-1,4500012345,2026-12-10,1,480,20,damaged,SH-1001
                GR-1,4500012345,2026-12-10,2,120,,,SH-1001
                GR-2,4500012346,2026-12-11T09:30:00+01:00,1,10,,,
                """;
        ErpBatch batch = valid(ErpFiles.read("receipts.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(batch.documentType()).isEqualTo("erp.receipts");
        assertThat(batch.receipts()).hasSize(2);
        GoodsReceipt first = batch.receipts().get(0);
        assertThat(first.shipmentId()).isEqualTo("SH-1001");
        assertThat(first.lines()).hasSize(2);
        assertThat(first.lines().get(0).accepted()).isEqualByComparingTo("460");
        assertThat(batch.receipts().get(1).receivedAt()).hasToString("2026-12-11T08:30:00Z");
    }

    @Test
    void aReceiptThatRejectsMoreThanItReceivedOrWithoutAReasonIsRefusedWithItsRow() {
        String csv =
                """
                receiptId,poNumber,receivedAt,lineNumber,quantity,rejectedQuantity,reason
                GR-3,4500012345,yesterday,1,5,6,
                """;
        assertThat(problems(ErpFiles.read("receipts.csv", csv.getBytes(StandardCharsets.UTF_8))))
                .anyMatch(p -> p.startsWith("row 2, column receivedAt"))
                .anyMatch(p -> p.startsWith("row 2, column rejectedQuantity"))
                .anyMatch(p -> p.startsWith("row 2, column reason"));
    }

    @Test
    void aJsonReceiptIsToldFromPurchaseOrdersAndShipments() {
        String json =
                """
                {"receiptId": "GR-4", "poNumber": "4500012345", "receivedAt": "2026-12-10",
                 "lines": [{"lineNumber": "1", "quantity": 10}]}
                """;
        assertThat(valid(ErpJson.batch(json.getBytes(StandardCharsets.UTF_8))).receipts())
                .singleElement()
                .satisfies(r -> assertThat(r.lines().get(0).rejectedQuantity()).isZero());
    }

    @Test
    void aPaymentsInvoicesMustAddUpToIt() {
        String json =
                """
                {"paymentId": "PAY-1", "partnerId": "acme-supply", "paidAt": "2026-12-20", "currency": "USD",
                 "amount": 100.00, "invoices": [{"invoiceNumber": "INV-1", "amount": 60.00},
                   {"invoiceNumber": "INV-2", "amount": 30.00,
                    "deductions": [{"amount": 5.00, "reasonCode": "CS", "note": "damaged"}]}]}
                """;
        assertThat(problems(ErpJson.payments(json.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("amount: the invoices' amounts add up to 90.00 (85.00 after deductions), not 100.00");
        // the invoices' amounts may be what each billed: then the payment is what is left after the deductions
        Payment gross = valid(ErpJson.payments(json.replace("100.00", "85.00").getBytes(StandardCharsets.UTF_8)))
                .get(0);
        assertThat(gross.paid(gross.invoices().get(1))).isEqualByComparingTo("25");
        Payment payment = valid(ErpJson.payments(json.replace("100.00", "90.00").getBytes(StandardCharsets.UTF_8)))
                .get(0);
        assertThat(payment.invoices().get(1).deducted()).isEqualByComparingTo("5");
        assertThat(payment.paid(payment.invoices().get(1))).isEqualByComparingTo("30");
        assertThat(problems(ErpJson.payments(json.replace("\"CS\"", "\"not a code!\"")
                        .replace("100.00", "90.00")
                        .getBytes(StandardCharsets.UTF_8))))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("invoices[1].deductions[0].reasonCode"));
    }

    @Test
    void aMailNamingADeductionAndSayingItDisputesItIsADispute() {
        assertThat(Disputes.in("Re: deduction DED-1a2b3c4d", "We dispute this: all 10 were delivered, POD attached."))
                .hasValueSatisfying(d -> {
                    assertThat(d.deductionNumber()).isEqualTo("DED-1A2B3C4D");
                    assertThat(d.reason()).contains("POD attached");
                });
        assertThat(Disputes.in("Deduction DED-1A2B3C4D", "Thanks, noted.")).isEmpty();
        assertThat(Disputes.in("We dispute your invoice", "no number here")).isEmpty();
    }
}
