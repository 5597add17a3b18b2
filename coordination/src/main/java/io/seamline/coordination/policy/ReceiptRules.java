package io.seamline.coordination.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a goods receipt may differ from its ship notice by, and what then happens (a partner's policy). */
public final class ReceiptRules {

    private ReceiptRules() {}

    /** The quantity a line may be short or over by and pass unremarked: the tolerance percent of what was shipped. */
    public static BigDecimal tolerance(PolicyValues values, BigDecimal shipped) {
        return shipped.multiply(values.number(Limit.RECEIPT_TOLERANCE_PERCENT))
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
    }

    public static boolean needsPerson(PolicyValues values) {
        return values.flag(Limit.RECEIPT_DISCREPANCY_NEEDS_PERSON);
    }

    public static boolean advice(PolicyValues values) {
        return values.flag(Limit.RECEIPT_ADVICE);
    }
}
