package io.seamline.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO-4217 currency. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        amount = Decimals.canonical(Objects.requireNonNull(amount, "amount"));
        currency = Currencies.requireCode(currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
