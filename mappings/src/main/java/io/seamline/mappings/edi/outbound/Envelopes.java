package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.outbound.EdiWriter.Composite;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The envelope segments we write around outbound sets: ISA/GS/GE/IEA and UNB/UNZ. */
public final class Envelopes {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private Envelopes() {}

    /** ISA with fixed-width elements; {@code version} is ISA12 (00401, 00501). */
    public static void isa(
            EdiWriter w, Parties parties, String version, long control, boolean test, LocalDateTime now) {
        w.segment(
                "ISA",
                "00",
                pad("", 10),
                "00",
                pad("", 10),
                pad(parties.senderQualifier(), 2),
                pad(parties.senderId(), 15),
                pad(parties.receiverQualifier(), 2),
                pad(parties.receiverId(), 15),
                now.format(YYMMDD),
                now.format(HHMM),
                version.compareTo("00402") >= 0 ? "^" : "U",
                version,
                isa13(control),
                "0",
                test ? "T" : "P",
                ">");
    }

    public static void gs(
            EdiWriter w, String functionalId, Parties parties, long control, String version, LocalDateTime now) {
        w.segment(
                "GS",
                functionalId,
                cut(orDefault(parties.applicationSender(), parties.senderId()), 15),
                cut(orDefault(parties.applicationReceiver(), parties.receiverId()), 15),
                now.format(CCYYMMDD),
                now.format(HHMM),
                Long.toString(control),
                "X",
                version);
    }

    public static void ge(EdiWriter w, int sets, long control) {
        w.segment("GE", Integer.toString(sets), Long.toString(control));
    }

    public static void iea(EdiWriter w, int groups, long control) {
        w.segment("IEA", Integer.toString(groups), isa13(control));
    }

    /** UNB with syntax UNOC; {@code syntaxVersion} 3 or 4. */
    public static void unb(
            EdiWriter w, Parties parties, String syntaxVersion, long control, boolean test, LocalDateTime now) {
        w.segment(
                "UNB",
                Composite.of("UNOC", syntaxVersion),
                Composite.of(Echo.edifact(parties.senderId()), Echo.edifact(parties.senderQualifier())),
                Composite.of(Echo.edifact(parties.receiverId()), Echo.edifact(parties.receiverQualifier())),
                Composite.of(now.format("4".equals(syntaxVersion) ? CCYYMMDD : YYMMDD), now.format(HHMM)),
                Long.toString(control),
                null,
                null,
                null,
                null,
                null,
                test ? "1" : null);
    }

    public static void unz(EdiWriter w, int count, long control) {
        w.segment("UNZ", Integer.toString(count), Long.toString(control));
    }

    public static String isa13(long control) {
        return String.format("%09d", control % 1_000_000_000L);
    }

    public static String st02(long control) {
        return String.format("%04d", control % 1_000_000_000L);
    }

    static String pad(String value, int width) {
        String v = value == null ? "" : Echo.x12(value);
        if (v.length() >= width) {
            return v.substring(0, width);
        }
        return v + " ".repeat(width - v.length());
    }

    private static String cut(String value, int max) {
        String v = Echo.x12(value);
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
