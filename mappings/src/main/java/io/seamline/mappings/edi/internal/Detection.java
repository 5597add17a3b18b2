package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Delimiters;
import io.seamline.mappings.edi.Standard;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the envelope header of an interchange from its first bytes, tolerating what real files contain: a UTF-8
 * byte-order mark, blank lines, an ISA wrapped across lines, any delimiter a partner chose (control characters and
 * multi-byte characters included).
 */
final class Detection {

    /** How much of the input detection may look at. */
    public static final int PEEK = 4096;

    private static final Map<String, Charset> EDIFACT_CHARSETS = Map.of(
            "UNOA", StandardCharsets.ISO_8859_1,
            "UNOB", StandardCharsets.ISO_8859_1,
            "UNOC", StandardCharsets.ISO_8859_1,
            "UNOD", Charset.forName("ISO-8859-2"),
            "UNOE", Charset.forName("ISO-8859-5"),
            "UNOF", Charset.forName("ISO-8859-7"),
            "UNOW", StandardCharsets.UTF_8,
            "UNOY", StandardCharsets.UTF_8);

    private Detection() {}

    /** The header of the interchange at the start of {@code head}, or empty if it is not X12 or EDIFACT. */
    public static Optional<Detected> detect(byte[] head, int length) {
        int bom =
                length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        int skipped = bom;
        while (skipped < length && isBlank(head[skipped])) {
            skipped++;
        }
        final int start = skipped;
        if (startsWith(head, length, start, "ISA")) {
            return x12(head, length, start).map(d -> new Detected(Standard.X12, d, charsetOf(head, length), bom));
        }
        if (startsWith(head, length, start, "UNA")) {
            return una(head, length, start)
                    .map(d -> new Detected(Standard.EDIFACT, d, edifactCharset(head, length, start, d), bom));
        }
        if (startsWith(head, length, start, "UNB")) {
            Delimiters d = Delimiters.EDIFACT_DEFAULT;
            return Optional.of(new Detected(Standard.EDIFACT, d, edifactCharset(head, length, start, d), bom));
        }
        return Optional.empty();
    }

    /**
     * X12: the element separator follows "ISA"; 16 separators later come ISA16 (component separator) and the segment
     * terminator. Line breaks inside the ISA (wrapped files) are skipped while counting.
     */
    private static Optional<Delimiters> x12(byte[] head, int length, int start) {
        if (start + 3 >= length) {
            return Optional.empty();
        }
        byte element = head[start + 3];
        if (isLineBreak(element) || Character.isLetterOrDigit(element)) {
            return Optional.empty();
        }
        int separators = 0;
        int i = start + 3;
        int isa11 = -1;
        var isa12 = new StringBuilder();
        for (; i < length && separators < 16; i++) {
            if (head[i] == element) {
                separators++;
                if (separators == 11) {
                    isa11 = i + 1;
                }
            } else if (separators == 12 && !isLineBreak(head[i])) {
                isa12.append((char) head[i]);
            }
        }
        while (i < length && isLineBreak(head[i])) {
            i++;
        }
        if (separators < 16 || i >= length) {
            return Optional.empty();
        }
        char component = (char) (head[i] & 0xFF);
        i++;
        String segment = terminator(head, length, i);
        if (segment == null) {
            return Optional.empty();
        }
        char repetition = 0;
        if (isa11 > 0 && isa11 < length && isa12.toString().compareTo("00402") >= 0) {
            char r = (char) (head[isa11] & 0xFF);
            if (!Character.isLetterOrDigit(r) && r != ' ') {
                repetition = r;
            }
        }
        return Optional.of(new Delimiters(segment, (char) (element & 0xFF), component, repetition, (char) 0, '.'));
    }

    /** The terminator starting at {@code i}: a line break, a single byte, or one UTF-8 multi-byte character. */
    private static String terminator(byte[] head, int length, int i) {
        if (i >= length) {
            return null;
        }
        int b = head[i] & 0xFF;
        if (b == '\r') {
            return i + 1 < length && head[i + 1] == '\n' ? "\r\n" : "\r";
        }
        if (b < 0x80) {
            return String.valueOf((char) b);
        }
        int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (size == 1 || i + size > length) {
            return String.valueOf((char) b);
        }
        return new String(head, i, size, StandardCharsets.UTF_8);
    }

    private static Optional<Delimiters> una(byte[] head, int length, int start) {
        if (start + 9 > length) {
            return Optional.empty();
        }
        char component = (char) (head[start + 3] & 0xFF);
        char element = (char) (head[start + 4] & 0xFF);
        char decimal = (char) (head[start + 5] & 0xFF);
        char release = (char) (head[start + 6] & 0xFF);
        char repetition = (char) (head[start + 7] & 0xFF);
        String segment = terminator(head, length, start + 8);
        if (segment == null) {
            return Optional.empty();
        }
        return Optional.of(new Delimiters(
                segment,
                element,
                component,
                repetition == ' ' ? 0 : repetition,
                release == ' ' ? 0 : release,
                decimal));
    }

    /** UNB S001 (UNOA, UNOC, UNOW, …) names the character set; ISO-8859-1 reads any 7-bit level too. */
    private static Charset edifactCharset(byte[] head, int length, int start, Delimiters d) {
        String text = new String(head, start, Math.min(length - start, 512), StandardCharsets.ISO_8859_1);
        int unb = text.indexOf("UNB" + d.element());
        if (unb < 0 || unb + 8 > text.length()) {
            return StandardCharsets.UTF_8;
        }
        String syntax = text.substring(unb + 4, unb + 8).toUpperCase(Locale.ROOT);
        Charset declared = EDIFACT_CHARSETS.get(syntax);
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        return declared.equals(StandardCharsets.ISO_8859_1) && isUtf8(head, length) ? StandardCharsets.UTF_8 : declared;
    }

    /** X12 declares no character set: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1. */
    private static Charset charsetOf(byte[] head, int length) {
        return isUtf8(head, length) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** True when the (prefix of the) bytes contain multi-byte UTF-8 and nothing that is not UTF-8. */
    static boolean isUtf8(byte[] bytes, int length) {
        boolean multiByte = false;
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            int size = b < 0x80 ? 1 : b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : -1;
            if (size < 0) {
                return false;
            }
            if (i + size > length) {
                return multiByte;
            }
            for (int k = 1; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            multiByte |= size > 1;
            i += size;
        }
        return multiByte;
    }

    static boolean isLineBreak(byte b) {
        return b == '\r' || b == '\n';
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || isLineBreak(b);
    }

    private static boolean startsWith(byte[] head, int length, int start, String tag) {
        if (start + tag.length() > length) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (Character.toUpperCase(head[start + i]) != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
