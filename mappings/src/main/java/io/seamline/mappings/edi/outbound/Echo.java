package io.seamline.mappings.edi.outbound;

/**
 * Values we echo back from a partner's interchange (control numbers, ids, a bad value in an AK4) may hold anything;
 * what we write must not. Control characters and our X12 delimiters become spaces; EDIFACT delimiters are
 * released by the writer.
 */
public final class Echo {

    private Echo() {}

    public static String x12(String value) {
        return clean(value, "*~>^");
    }

    public static String edifact(String value) {
        return clean(value, "");
    }

    private static String clean(String value, String delimiters) {
        if (value == null) {
            return null;
        }
        var text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            text.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || delimiters.indexOf(c) >= 0 ? ' ' : c);
        }
        return text.toString();
    }
}
