package io.seamline.mappings.partners;

import io.seamline.model.partner.IdentifierScheme;

/** What a well-formed identifier of each scheme looks like. */
final class IdentifierRules {

    private IdentifierRules() {}

    /** A problem description, or null when the identifier is well-formed. */
    static String check(IdentifierScheme scheme, String qualifier, String value) {
        String q = qualifier == null ? "" : qualifier.trim();
        return switch (scheme) {
            case X12 -> !q.matches("[0-9A-Z]{2}")
                    ? "qualifier (ISA05/ISA07) is required: two characters such as ZZ, 01, 08"
                    : value.length() > 15 ? "an X12 id has at most 15 characters" : null;
            case EDIFACT -> value.length() > 35 ? "an EDIFACT id has at most 35 characters" : null;
            case GLN -> value.matches("\\d{13}") ? null : "a GLN has 13 digits";
            case DUNS -> value.matches("\\d{9}(\\d{4})?") ? null : "a DUNS number has 9 digits (or 13 with +4)";
            case SCAC -> value.matches("[A-Z]{2,4}") ? null : "a SCAC has 2 to 4 capital letters";
                // RFC 4130 6.2: 1 to 128 printable US-ASCII characters
            case AS2 -> value.matches("[\\x21-\\x7E ]{1,128}")
                    ? null
                    : "an AS2 id has 1 to 128 printable ASCII characters";
            case EMAIL -> value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : "not an e-mail address";
            case EMAIL_DOMAIN -> value.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}") ? null : "not a domain name";
        };
    }
}
