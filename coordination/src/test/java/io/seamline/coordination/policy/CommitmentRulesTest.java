package io.seamline.coordination.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.event.OrderAcknowledged.LineStatus;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitmentRulesTest {

    private static final LocalDate NEED_BY = LocalDate.of(2026, 12, 12);

    private static final PurchaseOrderLine LINE = PurchaseOrderLine.ordered(
            "2", "WID-200", "AC-W200", new BigDecimal("120"), "EA", new BigDecimal("14.00"), NEED_BY, "fasteners");

    private static PolicyDecision rule(List<PolicyDecision> decisions, String rule) {
        return decisions.stream().filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static List<PolicyDecision> judge(Proposal proposal, PolicyValues values) {
        return CommitmentRules.judge(proposal, LINE, values);
    }

    @Test
    void acceptsDateSlipInsideTolerance() {
        var decisions =
                judge(new Proposal("2", LineStatus.CHANGED, null, NEED_BY.plusDays(2), null), PolicyValues.builtIn());

        PolicyDecision slip = rule(decisions, CommitmentRules.DATE_SLIP);
        assertThat(slip.outcome()).isEqualTo(Outcome.APPLY);
        assertThat(slip.version()).isEqualTo(1);
        assertThat(slip.inputs()).containsEntry("slipDays", 2L).containsEntry("maxSlipDays", 2);
        assertThat(slip.rationale()).contains("2 day(s) after the need-by date, within the 2 day(s) agreed");
    }

    @Test
    void asksAPersonForASlipBeyondTolerance() {
        var decisions =
                judge(new Proposal("2", LineStatus.CHANGED, null, NEED_BY.plusDays(3), null), PolicyValues.builtIn());

        assertThat(rule(decisions, CommitmentRules.DATE_SLIP).outcome()).isEqualTo(Outcome.TASK);
    }

    @Test
    void alwaysAcceptsAnEarlierDate() {
        var decisions = judge(
                new Proposal("2", LineStatus.ACCEPTED, null, NEED_BY.minusDays(30), null), PolicyValues.builtIn());

        assertThat(decisions).allMatch(PolicyDecision::applies);
    }

    @Test
    void aPartnersOwnToleranceWinsOverTheCategoryAndTheDefaults() {
        var values = new PolicyValues(
                Map.of("commitment.maxSlipDays", "5"),
                Map.of("commitment.maxSlipDays", "1"),
                Map.of("commitment.maxSlipDays", "0"));

        PolicyDecision slip = rule(
                judge(new Proposal("2", LineStatus.CHANGED, null, NEED_BY.plusDays(5), null), values),
                CommitmentRules.DATE_SLIP);

        assertThat(slip.outcome()).isEqualTo(Outcome.APPLY);
        assertThat(slip.inputs()).containsEntry("maxSlipDaysFrom", "partner");
    }

    @Test
    void theCategoryWinsOverTheDefaults() {
        var values = new PolicyValues(
                Map.of(), Map.of("commitment.maxSlipDays", "0"), Map.of("commitment.maxSlipDays", "9"));

        PolicyDecision slip = rule(
                judge(new Proposal("2", LineStatus.CHANGED, null, NEED_BY.plusDays(1), null), values),
                CommitmentRules.DATE_SLIP);

        assertThat(slip.outcome()).isEqualTo(Outcome.TASK);
        assertThat(slip.inputs()).containsEntry("maxSlipDaysFrom", "category");
    }

    @Test
    void asksAPersonForALowerQuantityOrABackorder() {
        var decrease =
                judge(new Proposal("2", LineStatus.CHANGED, new BigDecimal("100"), null, null), PolicyValues.builtIn());
        var backorder = judge(
                new Proposal("2", LineStatus.BACKORDERED, new BigDecimal("120"), null, null), PolicyValues.builtIn());

        assertThat(rule(decrease, CommitmentRules.QUANTITY).outcome()).isEqualTo(Outcome.TASK);
        assertThat(rule(decrease, CommitmentRules.QUANTITY).rationale()).contains("less than ordered (100 of 120)");
        assertThat(rule(backorder, CommitmentRules.QUANTITY).outcome()).isEqualTo(Outcome.TASK);
    }

    @Test
    void acceptsALowerQuantityWhenThePartnerAgreedSo() {
        var decisions = judge(
                new Proposal("2", LineStatus.CHANGED, new BigDecimal("100"), null, null),
                PolicyValues.of(Map.of("commitment.acceptQuantityDecrease", "true")));

        assertThat(rule(decisions, CommitmentRules.QUANTITY).outcome()).isEqualTo(Outcome.APPLY);
    }

    @Test
    void acceptsNoPriceChangeByDefault() {
        var decisions = judge(
                new Proposal("2", LineStatus.CHANGED, null, null, new BigDecimal("14.01")), PolicyValues.builtIn());

        PolicyDecision price = rule(decisions, CommitmentRules.PRICE);
        assertThat(price.outcome()).isEqualTo(Outcome.TASK);
        assertThat(price.inputs())
                .containsEntry("orderPrice", new BigDecimal("14"))
                .containsKey("differencePercent");
    }

    @Test
    void aRejectedLineAlwaysGoesToAPerson() {
        var decisions =
                judge(new Proposal("2", LineStatus.REJECTED, BigDecimal.ZERO, null, null), PolicyValues.builtIn());

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(CommitmentRules.REJECTION);
            assertThat(d.outcome()).isEqualTo(Outcome.TASK);
        });
    }

    @Test
    void aDecisionCarriesRuleVersionInputsOutcomeAndRationaleForTheTimeline() {
        PolicyDecision slip = rule(
                judge(new Proposal("2", LineStatus.CHANGED, null, NEED_BY.plusDays(9), null), PolicyValues.builtIn()),
                CommitmentRules.DATE_SLIP);

        assertThat(slip.details())
                .containsOnlyKeys("rule", "ruleVersion", "inputs", "outcome", "rationale")
                .containsEntry("rule", "commitment.date-slip")
                .containsEntry("ruleVersion", 1)
                .containsEntry("outcome", "TASK");
    }
}
