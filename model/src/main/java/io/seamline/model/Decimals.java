package io.seamline.model;

import java.math.BigDecimal;

/**
 * Quantities and amounts are compared by value, not by scale: {@code 100}, {@code 100.00} and {@code 1E+2} are the
 * same quantity. Values are kept in one canonical form (no trailing zeros, never a negative scale).
 */
public final class Decimals {

    private Decimals() {}

    public static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (!Magnitude.sane(value)) {
            // a broken invariant: every input is checked against its Magnitude before it gets here
            throw new IllegalArgumentException("a number of " + value.precision() + " digits at scale " + value.scale()
                    + " is no quantity or amount");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
