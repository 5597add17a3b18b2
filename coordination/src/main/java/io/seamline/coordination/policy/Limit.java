package io.seamline.coordination.policy;

import java.math.BigDecimal;
import java.util.Locale;

/** Every limit a rule reads, with its built-in default and what it means. */
enum Limit {
    /** Days a promised date may fall after the need-by date and still be accepted. */
    COMMITMENT_MAX_SLIP_DAYS("commitment.maxSlipDays", "2"),
    /** Whether a promised quantity below the ordered one is accepted without a person. */
    COMMITMENT_ACCEPT_QUANTITY_DECREASE("commitment.acceptQuantityDecrease", "false"),
    /** Whether a promised quantity above the ordered one is accepted without a person. */
    COMMITMENT_ACCEPT_QUANTITY_INCREASE("commitment.acceptQuantityIncrease", "false"),
    /** Percent a confirmed unit price may differ from the PO price (0: no price change accepted). */
    COMMITMENT_PRICE_TOLERANCE_PERCENT("commitment.priceTolerancePercent", "0"),
    /** Percent a line may be shipped above its ordered quantity. */
    ASN_OVER_SHIP_PERCENT("asn.overShipPercent", "0"),
    /** Days an ETA may fall after the need-by date before it is a delay that matters. */
    DELAY_GRACE_DAYS("shipment.delayGraceDays", "0"),
    GOODS_TOLERANCE_PERCENT("invoice.tolerancePercent", "1"),
    GOODS_TOLERANCE_AMOUNT("invoice.toleranceAmount", "10.00"),
    FREIGHT_TOLERANCE_PERCENT("freight.tolerancePercent", "2"),
    FREIGHT_TOLERANCE_AMOUNT("freight.toleranceAmount", "25.00"),
    /** Whether an accessorial charge (detention, liftgate, …) needs evidence on the shipment to pass. */
    FREIGHT_ACCESSORIAL_NEEDS_EVIDENCE("freight.accessorialNeedsEvidence", "true"),
    /** Percent a receipt may fall short of (or exceed) what was shipped and pass unremarked. */
    RECEIPT_TOLERANCE_PERCENT("receipt.tolerancePercent", "0"),
    /**
     * Whether a receipt outside tolerance goes to a person (a deduction for what is short, a discrepancy for what is
     * over); else it is noted on the PO's timeline and the supplier's receipt advice.
     */
    RECEIPT_DISCREPANCY_NEEDS_PERSON("receipt.discrepancyNeedsPerson", "true"),
    /** Whether the supplier wants a receipt advice (861, RECADV, a notice) for each goods receipt. */
    RECEIPT_ADVICE("receipt.advice", "false"),
    /** Hours a booking's ETD or ETA may move from our plan and still be taken as confirmed. */
    BOOKING_TOLERANCE_HOURS("booking.toleranceHours", "24");

    private final String key;
    private final String fallback;

    Limit(String key, String fallback) {
        this.key = key;
        this.fallback = fallback;
    }

    /** The configuration key, as written in a partner's {@code policy} map or in {@code seamline.policies}. */
    public String key() {
        return key;
    }

    String fallback() {
        return fallback;
    }

    boolean isFlag() {
        return fallback.equals("true") || fallback.equals("false");
    }

    /** The limit a configuration key names, if any. */
    public static java.util.Optional<Limit> byKey(String key) {
        for (Limit limit : values()) {
            if (limit.key.equals(key)) {
                return java.util.Optional.of(limit);
            }
        }
        return java.util.Optional.empty();
    }

    /** What is wrong with a value for this limit, or null when it is a good one. */
    String problem(String value) {
        if (value == null || value.isBlank()) {
            return key + " needs a value";
        }
        if (isFlag()) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("false") ? null : key + " must be true or false, was " + value;
        }
        try {
            return new BigDecimal(value.trim()).signum() < 0 ? key + " cannot be negative, was " + value : null;
        } catch (NumberFormatException e) {
            return key + " must be a number, was " + value;
        }
    }

    static BigDecimal number(Limit limit, String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("policy " + limit.key + " is not a number: " + value, e);
        }
    }

    static boolean flag(String value) {
        return Boolean.parseBoolean(value.trim().toLowerCase(Locale.ROOT));
    }
}
