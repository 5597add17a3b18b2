package io.seamline.coordination.policy;

import static io.seamline.coordination.policy.CommitmentRules.plain;

import io.seamline.model.Money;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invoice audit. Goods: the three-way match prices what was shipped and not yet invoiced at the PO price; freight:
 * the linehaul is compared with the shipment's expected freight, and accessorial charges need evidence. An invoice
 * passes when it exceeds the expected amount by no more than the tolerance: the percentage and the amount are both
 * limits, so the smaller of the two applies (1% or 10.00 for goods, 2% or 25.00 for freight, by default).
 */
public final class InvoiceRules {

    public static final String GOODS = "invoice.goods-three-way";
    public static final String FREIGHT = "invoice.freight";
    public static final String ACCESSORIAL = "invoice.freight-accessorial";
    public static final int VERSION = 1;

    /** Charges that are not the linehaul itself and are billed only when something happened on the way. */
    public static final Set<ChargeCode> ACCESSORIALS =
            EnumSet.of(ChargeCode.DETENTION, ChargeCode.LIFTGATE, ChargeCode.ACCESSORIAL, ChargeCode.OTHER);

    private InvoiceRules() {}

    /** One invoice line as matched: the PO line's price and what may still be invoiced of it. */
    public record MatchedLine(
            String poNumber,
            String poLine,
            BigDecimal invoicedQuantity,
            BigDecimal invoicedAmount,
            BigDecimal poPrice,
            BigDecimal invoiceable) {}

    public static PolicyDecision goods(String invoiceNumber, List<MatchedLine> lines, PolicyValues values) {
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        var details = new ArrayList<Map<String, Object>>();
        for (MatchedLine line : lines) {
            BigDecimal quantity = line.invoicedQuantity().min(line.invoiceable().max(BigDecimal.ZERO));
            BigDecimal lineExpected = line.poPrice().multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            expected = expected.add(lineExpected);
            invoiced = invoiced.add(line.invoicedAmount());
            var detail = new LinkedHashMap<String, Object>();
            detail.put("poNumber", line.poNumber());
            detail.put("poLine", line.poLine());
            detail.put("invoicedQuantity", line.invoicedQuantity());
            detail.put("invoiceableQuantity", line.invoiceable());
            detail.put("poPrice", line.poPrice());
            detail.put("invoicedAmount", line.invoicedAmount());
            detail.put("expectedAmount", lineExpected);
            details.add(detail);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("invoiceNumber", invoiceNumber);
        inputs.put("lines", details);
        return compare(
                GOODS,
                invoiced,
                expected,
                values.number(Limit.GOODS_TOLERANCE_PERCENT),
                values.number(Limit.GOODS_TOLERANCE_AMOUNT),
                values.source(Limit.GOODS_TOLERANCE_PERCENT),
                inputs,
                "invoiced " + plain(invoiced) + " against " + plain(expected) + " shipped at PO prices");
    }

    /** The linehaul (the total less accessorial charges) against the expected freight. */
    public static PolicyDecision freight(InvoiceReceived invoice, Money expectedFreight, PolicyValues values) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("invoiceNumber", invoice.invoiceNumber());
        inputs.put("total", invoice.total());
        if (expectedFreight == null) {
            inputs.put("expectedFreight", null);
            return new PolicyDecision(
                    FREIGHT,
                    VERSION,
                    inputs,
                    Outcome.TASK,
                    "the shipment has no expected freight to audit against; a person decides");
        }
        BigDecimal accessorials = accessorials(invoice);
        BigDecimal linehaul = invoice.total().subtract(accessorials);
        inputs.put("accessorialCharges", accessorials);
        inputs.put("linehaul", linehaul);
        inputs.put("expectedFreight", expectedFreight.amount());
        inputs.put("currency", expectedFreight.currency());
        if (invoice.currency() != null && !invoice.currency().equals(expectedFreight.currency())) {
            inputs.put("invoiceCurrency", invoice.currency());
            return new PolicyDecision(
                    FREIGHT,
                    VERSION,
                    inputs,
                    Outcome.TASK,
                    "invoiced in " + invoice.currency() + " but expected in " + expectedFreight.currency());
        }
        return compare(
                FREIGHT,
                linehaul,
                expectedFreight.amount(),
                values.number(Limit.FREIGHT_TOLERANCE_PERCENT),
                values.number(Limit.FREIGHT_TOLERANCE_AMOUNT),
                values.source(Limit.FREIGHT_TOLERANCE_PERCENT),
                inputs,
                "linehaul " + plain(linehaul) + " against " + plain(expectedFreight.amount()) + " expected");
    }

    /** Accessorial charges pass only with evidence on the shipment (a POD, a detention record) unless configured. */
    public static PolicyDecision accessorials(InvoiceReceived invoice, List<String> evidence, PolicyValues values) {
        var charges = new ArrayList<Map<String, Object>>();
        for (InvoiceReceived.Charge charge : invoice.charges()) {
            if (ACCESSORIALS.contains(charge.code())
                    && charge.amount() != null
                    && charge.amount().signum() > 0) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("code", charge.code().name());
                entry.put("partnerCode", charge.partnerCode());
                entry.put("amount", charge.amount());
                charges.add(entry);
            }
        }
        boolean needsEvidence = values.flag(Limit.FREIGHT_ACCESSORIAL_NEEDS_EVIDENCE);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("invoiceNumber", invoice.invoiceNumber());
        inputs.put("accessorials", charges);
        inputs.put("evidence", List.copyOf(evidence));
        inputs.put(Limit.FREIGHT_ACCESSORIAL_NEEDS_EVIDENCE.key(), needsEvidence);
        if (charges.isEmpty()) {
            return new PolicyDecision(ACCESSORIAL, VERSION, inputs, Outcome.APPLY, "no accessorial charges");
        }
        if (!needsEvidence || !evidence.isEmpty()) {
            return new PolicyDecision(
                    ACCESSORIAL,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    charges.size() + " accessorial charge(s), "
                            + (needsEvidence
                                    ? "with evidence on the shipment"
                                    : "accepted without evidence by policy"));
        }
        return new PolicyDecision(
                ACCESSORIAL,
                VERSION,
                inputs,
                Outcome.TASK,
                charges.size() + " accessorial charge(s) without evidence on the shipment; a person decides");
    }

    static BigDecimal accessorials(InvoiceReceived invoice) {
        return invoice.charges().stream()
                .filter(c -> ACCESSORIALS.contains(c.code()) && c.amount() != null)
                .map(InvoiceReceived.Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PolicyDecision compare(
            String rule,
            BigDecimal actual,
            BigDecimal expected,
            BigDecimal percent,
            BigDecimal amount,
            String source,
            Map<String, Object> inputs,
            String what) {
        BigDecimal byPercent =
                expected.abs().multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal tolerance = byPercent.min(amount);
        BigDecimal over = actual.subtract(expected);
        inputs.put("expected", expected);
        inputs.put("actual", actual);
        inputs.put("difference", over);
        inputs.put("tolerancePercent", percent);
        inputs.put("toleranceAmount", amount);
        inputs.put("toleranceFrom", source);
        inputs.put("tolerance", tolerance);
        String limits = plain(tolerance) + " (" + plain(percent) + "% or " + plain(amount) + ", whichever is smaller)";
        if (over.compareTo(tolerance) <= 0) {
            return new PolicyDecision(
                    rule,
                    VERSION,
                    inputs,
                    Outcome.APPLY,
                    over.signum() <= 0
                            ? what + ", not above it"
                            : what + ", " + plain(over) + " above, within the tolerance of " + limits);
        }
        return new PolicyDecision(
                rule,
                VERSION,
                inputs,
                Outcome.TASK,
                what + ", " + plain(over) + " above, beyond the tolerance of " + limits);
    }
}
