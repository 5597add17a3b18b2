package io.seamline.coordination.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.Money;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.Charge;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceRulesTest {

    private static final Money EXPECTED = Money.of("1250.00", "USD");

    private static InvoiceReceived freight(String total, Charge... charges) {
        return new InvoiceReceived(
                "F-1",
                InvoiceReceived.Kind.FREIGHT,
                LocalDate.of(2026, 11, 30),
                "USD",
                new BigDecimal(total),
                List.of(),
                "SWFT",
                new InvoiceReceived.References("BOL-1", "PRO-1", null),
                List.of(),
                List.of(charges));
    }

    @Test
    void approvesFreightWithinTwoPercentOrTwentyFive() {
        var decision = InvoiceRules.freight(freight("1270.00"), EXPECTED, PolicyValues.builtIn());

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
        assertThat(decision.inputs()).containsEntry("difference", new BigDecimal("20.00"));
    }

    @Test
    void disputesFreightAboveTolerance() {
        var decision = InvoiceRules.freight(freight("1400.00"), EXPECTED, PolicyValues.builtIn());

        assertThat(decision.outcome()).isEqualTo(Outcome.TASK);
        assertThat(decision.rationale()).contains("150 above, beyond the tolerance of 25");
    }

    @Test
    void theSmallerOfPercentAndAmountIsTheTolerance() {
        // 2% of 500 is 10, below the 25.00: 15 over is outside
        var decision = InvoiceRules.freight(freight("515.00"), Money.of("500", "USD"), PolicyValues.builtIn());

        assertThat(decision.outcome()).isEqualTo(Outcome.TASK);
        assertThat(decision.inputs()).containsEntry("tolerance", new BigDecimal("10.00"));
    }

    @Test
    void anInvoiceBelowTheExpectedFreightPasses() {
        assertThat(InvoiceRules.freight(freight("900"), EXPECTED, PolicyValues.builtIn())
                        .applies())
                .isTrue();
    }

    @Test
    void aPartnersToleranceOverridesTheDefault() {
        var values = PolicyValues.of(Map.of("freight.tolerancePercent", "20", "freight.toleranceAmount", "500"));

        assertThat(InvoiceRules.freight(freight("1400.00"), EXPECTED, values).applies())
                .isTrue();
    }

    @Test
    void withoutExpectedFreightAPersonDecides() {
        assertThat(InvoiceRules.freight(freight("10"), null, PolicyValues.builtIn())
                        .outcome())
                .isEqualTo(Outcome.TASK);
    }

    @Test
    void anAccessorialWithoutEvidenceNeedsAPersonAndIsLeftOutOfTheLinehaul() {
        var invoice = freight(
                "1325.00",
                new Charge(ChargeCode.FREIGHT, "400", new BigDecimal("1250.00")),
                new Charge(ChargeCode.DETENTION, "DET", new BigDecimal("75.00")));

        assertThat(InvoiceRules.freight(invoice, EXPECTED, PolicyValues.builtIn())
                        .applies())
                .isTrue();
        assertThat(InvoiceRules.accessorials(invoice, List.of(), PolicyValues.builtIn())
                        .outcome())
                .isEqualTo(Outcome.TASK);
        assertThat(InvoiceRules.accessorials(invoice, List.of("POD pod.pdf"), PolicyValues.builtIn())
                        .outcome())
                .isEqualTo(Outcome.APPLY);
    }

    @Test
    void matchesAGoodsInvoiceThreeWays() {
        var shippedAtPoPrice = new InvoiceRules.MatchedLine(
                "4500012345",
                "1",
                new BigDecimal("300"),
                new BigDecimal("750.00"),
                new BigDecimal("2.50"),
                new BigDecimal("300"));
        var overBilled = new InvoiceRules.MatchedLine(
                "4500012345",
                "1",
                new BigDecimal("300"),
                new BigDecimal("780.00"),
                new BigDecimal("2.50"),
                new BigDecimal("300"));
        var notShipped = new InvoiceRules.MatchedLine(
                "4500012345",
                "1",
                new BigDecimal("500"),
                new BigDecimal("1250.00"),
                new BigDecimal("2.50"),
                new BigDecimal("300"));

        assertThat(InvoiceRules.goods("I-1", List.of(shippedAtPoPrice), PolicyValues.builtIn())
                        .applies())
                .isTrue();
        assertThat(InvoiceRules.goods("I-2", List.of(overBilled), PolicyValues.builtIn())
                        .applies())
                .isFalse();
        assertThat(InvoiceRules.goods("I-3", List.of(notShipped), PolicyValues.builtIn())
                        .rationale())
                .contains("invoiced 1250 against 750");
    }
}
