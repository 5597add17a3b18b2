package io.seamline.coordination.policy;

import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a supplier's commitment on a PO line can be applied without a person: a promised date up to
 * {@code commitment.maxSlipDays} after the need-by date (an earlier one always), the ordered quantity (a decrease or
 * a backorder needs a person), the PO price (within {@code commitment.priceTolerancePercent}), and no rejection.
 */
public final class CommitmentRules {

    public static final String DATE_SLIP = "commitment.date-slip";
    public static final String QUANTITY = "commitment.quantity";
    public static final String PRICE = "commitment.price";
    public static final String REJECTION = "commitment.rejection";
    public static final int VERSION = 1;

    private CommitmentRules() {}

    /** Every decision about the proposal, one per aspect it touches; the line applies when all of them apply. */
    public static List<PolicyDecision> judge(Proposal proposal, PurchaseOrderLine line, PolicyValues values) {
        var decisions = new ArrayList<PolicyDecision>();
        if (proposal.rejected()) {
            decisions.add(rejection(proposal, line));
            return decisions;
        }
        if (proposal.promisedDate() != null) {
            decisions.add(dateSlip(proposal.promisedDate(), line, values));
        }
        decisions.add(quantity(proposal, line, values));
        if (proposal.unitPrice() != null) {
            decisions.add(price(proposal.unitPrice(), line, values));
        }
        return decisions;
    }

    static PolicyDecision dateSlip(LocalDate promised, PurchaseOrderLine line, PolicyValues values) {
        int maxSlip = values.number(Limit.COMMITMENT_MAX_SLIP_DAYS).intValue();
        long slip = ChronoUnit.DAYS.between(line.needByDate(), promised);
        Map<String, Object> inputs = inputs(line);
        inputs.put("needByDate", line.needByDate().toString());
        inputs.put("promisedDate", promised.toString());
        inputs.put("slipDays", slip);
        inputs.put("maxSlipDays", maxSlip);
        inputs.put("maxSlipDaysFrom", values.source(Limit.COMMITMENT_MAX_SLIP_DAYS));
        if (slip <= 0) {
            return new PolicyDecision(
                    DATE_SLIP,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    slip == 0
                            ? "promised on the need-by date"
                            : "promised " + -slip + " day(s) before the need-by date; earlier is always accepted");
        }
        if (slip <= maxSlip) {
            return new PolicyDecision(
                    DATE_SLIP,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    "promised " + slip + " day(s) after the need-by date, within the " + maxSlip + " day(s) agreed");
        }
        return new PolicyDecision(
                DATE_SLIP,
                VERSION,
                inputs,
                Outcome.TASK,
                "promised " + slip + " day(s) after the need-by date, beyond the " + maxSlip + " day(s) agreed");
    }

    static PolicyDecision quantity(Proposal proposal, PurchaseOrderLine line, PolicyValues values) {
        Map<String, Object> inputs = inputs(line);
        inputs.put("orderedQuantity", line.quantity());
        BigDecimal promised = proposal.quantity() == null ? line.quantity() : proposal.quantity();
        inputs.put("promisedQuantity", promised);
        inputs.put(
                "lineStatus",
                proposal.status() == null ? null : proposal.status().name());
        if (proposal.backordered()) {
            return new PolicyDecision(
                    QUANTITY, VERSION, inputs, Outcome.TASK, "the supplier backorders the line; a person decides");
        }
        int compared = promised.compareTo(line.quantity());
        if (compared == 0) {
            return new PolicyDecision(QUANTITY, VERSION, inputs, Outcome.APPLY, "the ordered quantity is confirmed");
        }
        Limit limit =
                compared < 0 ? Limit.COMMITMENT_ACCEPT_QUANTITY_DECREASE : Limit.COMMITMENT_ACCEPT_QUANTITY_INCREASE;
        boolean accepted = values.flag(limit);
        inputs.put(limit.key(), accepted);
        String what = compared < 0 ? "less" : "more";
        return new PolicyDecision(
                QUANTITY,
                VERSION,
                inputs,
                accepted ? Outcome.APPLY : Outcome.TASK,
                "the supplier commits to " + what + " than ordered (" + plain(promised) + " of "
                        + plain(line.quantity()) + ")"
                        + (accepted ? ", which the policy accepts" : "; a person decides"));
    }

    static PolicyDecision price(BigDecimal unitPrice, PurchaseOrderLine line, PolicyValues values) {
        BigDecimal tolerance = values.number(Limit.COMMITMENT_PRICE_TOLERANCE_PERCENT);
        Map<String, Object> inputs = inputs(line);
        inputs.put("orderPrice", line.unitPrice());
        inputs.put("confirmedPrice", unitPrice);
        inputs.put("tolerancePercent", tolerance);
        inputs.put("tolerancePercentFrom", values.source(Limit.COMMITMENT_PRICE_TOLERANCE_PERCENT));
        BigDecimal difference = unitPrice.subtract(line.unitPrice()).abs();
        if (difference.signum() == 0) {
            return new PolicyDecision(PRICE, VERSION, inputs, Outcome.APPLY, "the PO price is confirmed");
        }
        BigDecimal percent = line.unitPrice().signum() == 0
                ? BigDecimal.valueOf(100)
                : difference.multiply(BigDecimal.valueOf(100)).divide(line.unitPrice(), 4, RoundingMode.HALF_UP);
        inputs.put("differencePercent", percent.stripTrailingZeros());
        boolean inside = percent.compareTo(tolerance) <= 0;
        return new PolicyDecision(
                PRICE,
                VERSION,
                inputs,
                inside ? Outcome.APPLY : Outcome.TASK,
                "confirmed price " + plain(unitPrice) + " differs from the PO price " + plain(line.unitPrice()) + " by "
                        + plain(percent) + "%" + (inside ? ", within" : ", beyond") + " the " + plain(tolerance)
                        + "% accepted");
    }

    static PolicyDecision rejection(Proposal proposal, PurchaseOrderLine line) {
        Map<String, Object> inputs = inputs(line);
        inputs.put(
                "lineStatus",
                proposal.status() == null ? null : proposal.status().name());
        return new PolicyDecision(
                REJECTION, VERSION, inputs, Outcome.TASK, "the supplier rejects the line; a person decides what next");
    }

    private static Map<String, Object> inputs(PurchaseOrderLine line) {
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("lineNumber", line.lineNumber());
        inputs.put("itemId", line.itemId());
        return inputs;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
