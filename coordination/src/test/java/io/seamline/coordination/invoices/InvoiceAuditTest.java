package io.seamline.coordination.invoices;

import static io.seamline.coordination.testing.Documents.onOrder;
import static io.seamline.coordination.testing.Documents.order;
import static io.seamline.coordination.testing.Documents.supplier;
import static io.seamline.coordination.testing.Documents.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.PolicySettings;
import io.seamline.coordination.testing.Documents;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.partner.Partner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A goods invoice audited three ways (PO price, shipped quantity, already invoiced), with recorded effects. */
class InvoiceAuditTest {

    private static final Partner ACME = supplier("acme-supply");

    private final InvoiceAudit audit = new InvoiceAudit(
            null, null, null, null, new Policies(new PolicySettings(Map.of(), Map.of())), Documents.CLOCK);
    private final RecordingEffects effects = new RecordingEffects();

    /** 500 ordered at 2.50, {@code shipped} of them shipped, none invoiced yet. */
    private static PurchaseOrderLine shipped(String shipped) {
        return new PurchaseOrderLine(
                "1",
                "WID-100",
                "AC-W100",
                new BigDecimal("500"),
                "EA",
                new BigDecimal("2.50"),
                Documents.NEED_BY,
                new BigDecimal("500"),
                Documents.NEED_BY,
                new BigDecimal(shipped),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                LineStatus.CONFIRMED,
                null);
    }

    private void invoice(PurchaseOrderLine line, String quantity, String unitPrice) {
        invoice(line, quantity, unitPrice, InvoiceReceived.Purpose.INVOICE);
    }

    private void invoice(PurchaseOrderLine line, String quantity, String unitPrice, InvoiceReceived.Purpose purpose) {
        PurchaseOrder po = order("4500012345", ACME, line);
        var invoice = new InvoiceReceived(
                "INV-1001",
                InvoiceReceived.Kind.GOODS,
                LocalDate.of(2026, 12, 1),
                "USD",
                new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)),
                List.of("4500012345"),
                null,
                null,
                List.of(new InvoiceReceived.Line(
                        "1",
                        "4500012345",
                        "1",
                        "WID-100",
                        new BigDecimal(quantity),
                        new BigDecimal(unitPrice),
                        null,
                        null)),
                List.of(),
                purpose);
        audit.run(onOrder(work(ACME, "810", invoice), po, line), effects);
    }

    @Test
    void anInvoiceOfWhatShippedAtThePoPriceIsApprovedAndSentToTheErp() {
        invoice(shipped("500"), "500", "2.50");

        assertThat(effects.recorded("invoice.status"))
                .extracting(r -> r.details().get("status"))
                .containsExactly("APPROVED");
        assertThat(effects.recorded("po.invoiced")).hasSize(1);
        assertThat(effects.recorded("erp.write-back"))
                .extracting(r -> r.details().get("type"))
                .containsExactly("invoice.approved");
        assertThat(effects.recorded("task.opened")).isEmpty();
    }

    @Test
    void billingMoreThanShippedGoesToAPersonAndIsNotPaid() {
        invoice(shipped("300"), "500", "2.50");

        assertThat(effects.recorded("invoice.status"))
                .extracting(r -> r.details().get("status"))
                .containsExactly("EXCEPTION");
        assertThat(effects.recorded("erp.write-back")).isEmpty();
        assertThat(effects.recorded("po.invoiced")).isEmpty();
        assertThat(effects.recorded("task.opened")).singleElement().satisfies(t -> {
            assertThat(t.details()).containsEntry("kind", "INVOICE_EXCEPTION");
            assertThat(t.summary()).contains("GOODS invoice INV-1001");
        });
    }

    @Test
    void aPriceAboveThePoPriceBeyondTheToleranceGoesToAPerson() {
        invoice(shipped("500"), "500", "2.60");

        assertThat(effects.recorded("task.opened")).hasSize(1);
        assertThat(effects.recorded("decision"))
                .anySatisfy(d -> assertThat(d.details()).containsEntry("outcome", "TASK"));
    }

    @Test
    void aPriceInsideTheToleranceIsApproved() {
        // 500 x 2.51 = 1255.00 against 1250.00: 0.4 %, inside 1 % and 10.00
        invoice(shipped("500"), "500", "2.51");

        assertThat(effects.recorded("task.opened")).isEmpty();
        assertThat(effects.recorded("invoice.status"))
                .extracting(r -> r.details().get("status"))
                .containsExactly("APPROVED");
    }

    @Test
    void aCreditNoteInsideEveryToleranceIsNeverPaidButBookedByAPerson() {
        invoice(shipped("500"), "500", "2.50", InvoiceReceived.Purpose.CREDIT);

        assertThat(effects.recorded("erp.write-back")).isEmpty();
        assertThat(effects.recorded("po.invoiced")).isEmpty();
        assertThat(effects.recorded("invoice.status"))
                .extracting(r -> r.details().get("status"))
                .containsExactly("EXCEPTION");
        assertThat(effects.recorded("task.opened")).singleElement().satisfies(t -> assertThat(t.summary())
                .contains("credit note"));
        assertThat(effects.recorded("decision")).singleElement().satisfies(d -> assertThat(d.details())
                .containsEntry("rule", "invoice.purpose"));
    }
}
