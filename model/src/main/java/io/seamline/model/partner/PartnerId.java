package io.seamline.model.partner;

import java.util.Objects;

/** Our own, stable id for a partner: lower-case letters, digits and dashes, such as {@code acme-supply}. */
public record PartnerId(String value) {

    private static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

    public PartnerId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a partner id (" + PATTERN + "): " + value);
        }
    }

    public static PartnerId of(String value) {
        return new PartnerId(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.matches(PATTERN);
    }

    @Override
    public String toString() {
        return value;
    }
}
