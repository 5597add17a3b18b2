package io.seamline.mappings.edi.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An interchange we wrote, with another interchange control number: ISA13 and IEA02 (X12), UNB and UNZ 0020
 * (EDIFACT). What a partner that refuses a duplicate control number needs to accept a resend of the same document.
 * Empty when the bytes are no interchange of ours (no fixed-width ISA, no UNB/UNZ).
 */
public final class Renumbering {

    private Renumbering() {}

    public static Optional<byte[]> interchange(byte[] content, long control) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.startsWith("ISA") && text.length() > 106) {
            return x12(text, control).map(t -> t.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (text.startsWith("UNA") || text.startsWith("UNB")) {
            return edifact(text, control).map(t -> t.getBytes(StandardCharsets.ISO_8859_1));
        }
        return Optional.empty();
    }

    private static Optional<String> x12(String text, long control) {
        char element = text.charAt(3);
        char terminator = text.charAt(105);
        String old = text.substring(90, 99);
        if (text.charAt(89) != element
                || text.charAt(99) != element
                || !old.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String number = Envelopes.isa13(control);
        int iea = text.lastIndexOf("IEA" + element);
        if (iea < 0) {
            return Optional.empty();
        }
        int second = text.indexOf(element, iea + 4);
        int end = text.indexOf(terminator, second);
        if (second < 0 || end < 0 || !text.substring(second + 1, end).equals(old)) {
            return Optional.empty();
        }
        return Optional.of(
                text.substring(0, 90) + number + text.substring(99, second + 1) + number + text.substring(end));
    }

    private static Optional<String> edifact(String text, long control) {
        char element = '+';
        char terminator = '\'';
        int unb = text.indexOf("UNB");
        if (text.startsWith("UNA") && text.length() > 9) {
            element = text.charAt(4);
            terminator = text.charAt(8);
        }
        int unbEnd = text.indexOf(terminator, unb);
        if (unb < 0 || unbEnd < 0) {
            return Optional.empty();
        }
        String[] parts = text.substring(unb, unbEnd).split(java.util.regex.Pattern.quote(String.valueOf(element)), -1);
        if (parts.length < 6) {
            return Optional.empty();
        }
        String old = parts[5];
        String number = Long.toString(control);
        parts[5] = number;
        String header = String.join(String.valueOf(element), parts);
        int unz = text.lastIndexOf("UNZ" + element);
        if (unz < 0) {
            return Optional.empty();
        }
        int second = text.indexOf(element, unz + 4);
        int end = text.indexOf(terminator, second);
        if (second < 0 || end < 0 || !text.substring(second + 1, end).equals(old)) {
            return Optional.empty();
        }
        return Optional.of(
                text.substring(0, unb) + header + text.substring(unbEnd, second + 1) + number + text.substring(end));
    }
}
