package io.seamline.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How large and how fine a number of each kind may be: what its column holds ({@code numeric(18, 4)} for quantities,
 * {@code numeric(18, 6)} for unit prices, {@code numeric(18, 2)} for amounts). Every number a partner or the ERP sends
 * is checked against its magnitude before it is accepted, so nothing accepted fails later for its size. The check
 * never expands the number: {@code 1e999999999} is refused as cheaply as {@code 12}.
 */
public enum Magnitude {
    /** Quantities ordered, promised, shipped, invoiced. */
    QUANTITY(14, 4),
    /** Unit prices. */
    UNIT_PRICE(12, 6),
    /** Money amounts: totals, charges, expected freight. */
    AMOUNT(16, 2);

    private final int integerDigits;
    private final int fractionDigits;

    Magnitude(int integerDigits, int fractionDigits) {
        this.integerDigits = integerDigits;
        this.fractionDigits = fractionDigits;
    }

    /** At most this many digits before the decimal point. */
    public int integerDigits() {
        return integerDigits;
    }

    /** At most this many digits after the decimal point (trailing zeros do not count). */
    public int fractionDigits() {
        return fractionDigits;
    }

    /** Whether the value fits (null fits: whether a value is required is another question). */
    public boolean fits(BigDecimal value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the value's size, or empty when it fits. */
    public Optional<String> problem(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return Optional.empty();
        }
        // digits before the point: precision - scale (for 1E+5 that is 1 - (-5) = 6), without expanding it
        long integer = (long) value.precision() - value.scale();
        if (integer > integerDigits) {
            return Optional.of("is out of range: at most " + integerDigits + " digits before the decimal point");
        }
        // stripping costs what the digits written cost, never what the exponent says
        if (value.stripTrailingZeros().scale() > fractionDigits) {
            return Optional.of("has too many decimals: at most " + fractionDigits + " after the decimal point");
        }
        return Optional.empty();
    }

    /**
     * Whether a number is of any sane size at all (at most 40 digits either side of the point), before it is known
     * what it is: a document with such a number is refused before anything reads it.
     */
    public static boolean sane(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return true;
        }
        return (long) value.precision() - value.scale() <= 40
                && value.stripTrailingZeros().scale() <= 40;
    }
}
