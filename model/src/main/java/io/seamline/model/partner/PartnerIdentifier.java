package io.seamline.model.partner;

import java.util.Locale;
import java.util.Objects;

/**
 * One name a partner goes by. Values are kept trimmed; e-mail addresses and domains in lower case. An empty
 * qualifier means "none" (GLN, DUNS, SCAC and e-mail identifiers have none).
 */
public record PartnerIdentifier(IdentifierScheme scheme, String qualifier, String value) {

    public PartnerIdentifier {
        Objects.requireNonNull(scheme, "scheme");
        qualifier = qualifier == null ? "" : qualifier.trim();
        Objects.requireNonNull(value, "value");
        value = value.trim();
        if (scheme == IdentifierScheme.EMAIL || scheme == IdentifierScheme.EMAIL_DOMAIN) {
            value = value.toLowerCase(Locale.ROOT);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an identifier needs a value");
        }
    }

    public static PartnerIdentifier x12(String qualifier, String id) {
        return new PartnerIdentifier(IdentifierScheme.X12, qualifier, id);
    }

    public static PartnerIdentifier edifact(String qualifier, String id) {
        return new PartnerIdentifier(IdentifierScheme.EDIFACT, qualifier, id);
    }

    public static PartnerIdentifier of(IdentifierScheme scheme, String value) {
        return new PartnerIdentifier(scheme, "", value);
    }

    @Override
    public String toString() {
        return qualifier.isEmpty() ? scheme + ":" + value : scheme + ":" + qualifier + ":" + value;
    }
}
