package io.seamline.model;

import java.util.Currency;
import java.util.Objects;

/** ISO-4217 currency codes as used on purchase orders, shipments and invoices. */
public final class Currencies {

    private Currencies() {}

    /** True when the code is a known ISO-4217 alphabetic code such as {@code EUR}. */
    public static boolean isCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    static String requireCode(String code) {
        Objects.requireNonNull(code, "currency");
        if (!isCode(code)) {
            throw new IllegalArgumentException("not an ISO-4217 currency code: " + code);
        }
        return code;
    }
}
