package io.seamline.mappings.as2;

import java.util.Locale;
import java.util.Objects;

/**
 * What a receiver says of an AS2 message in its MDN (RFC 4130 7.4.3, RFC 8098): {@code processed}, or {@code
 * processed/error: <problem>}. The problems a partner's software acts on are the ones named here.
 */
public record Disposition(String problem) {

    public static final String AUTHENTICATION_FAILED = "authentication-failed";
    public static final String DECRYPTION_FAILED = "decryption-failed";
    public static final String INTEGRITY_CHECK_FAILED = "integrity-check-failed";
    public static final String DECOMPRESSION_FAILED = "decompression-failed";
    public static final String UNEXPECTED_PROCESSING_ERROR = "unexpected-processing-error";

    private static final String MODE = "automatic-action/MDN-sent-automatically";

    public static Disposition processed() {
        return new Disposition(null);
    }

    public static Disposition error(String problem) {
        return new Disposition(Objects.requireNonNull(problem, "problem"));
    }

    public boolean ok() {
        return problem == null;
    }

    /** The {@code Disposition} field of an MDN. */
    public String field() {
        return MODE + "; processed" + (problem == null ? "" : "/error: " + problem);
    }

    /** Reads a {@code Disposition} field: anything but {@code processed} without an error is a problem. */
    public static Disposition parse(String field) {
        if (field == null) {
            return error(UNEXPECTED_PROCESSING_ERROR);
        }
        String value = field.strip();
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("processed") || lower.startsWith("processed/warning")) {
            return processed();
        }
        int colon = type.indexOf(':');
        return error(colon < 0 ? type : type.substring(colon + 1).strip());
    }
}
