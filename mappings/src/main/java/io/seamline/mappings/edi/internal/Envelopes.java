package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Delimiters;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupHeader;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import java.util.List;

/** Reads envelope segments into the engine's header records. */
final class Envelopes {

    private Envelopes() {}

    static Envelope x12(Segment isa, Delimiters delimiters) {
        return new Envelope(
                Standard.X12,
                trim(isa.get(5)),
                trim(isa.get(6)),
                trim(isa.get(7)),
                trim(isa.get(8)),
                trim(isa.get(13)),
                trim(isa.get(12)),
                isa.get(9),
                isa.get(10),
                "1".equals(trim(isa.get(14))),
                "T".equals(trim(isa.get(15))),
                null,
                delimiters);
    }

    static Envelope edifact(Segment unb, Delimiters delimiters) {
        return new Envelope(
                Standard.EDIFACT,
                trim(unb.get(2, 2)),
                trim(unb.get(2, 1)),
                trim(unb.get(3, 2)),
                trim(unb.get(3, 1)),
                trim(unb.get(5)),
                trim(unb.get(1, 2)),
                unb.get(4, 1),
                unb.get(4, 2),
                "1".equals(trim(unb.get(9))),
                "1".equals(trim(unb.get(11))),
                trim(unb.get(1, 1)),
                delimiters);
    }

    static GroupHeader x12Group(Segment gs) {
        return new GroupHeader(gs.get(1), gs.get(2), gs.get(3), gs.get(4), gs.get(5), gs.get(6), gs.get(7), gs.get(8));
    }

    static GroupHeader edifactGroup(Segment ung) {
        String version = ung.get(7, 1);
        String release = ung.get(7, 2);
        return new GroupHeader(
                ung.get(1),
                ung.get(2, 1),
                ung.get(3, 1),
                ung.get(4, 1),
                ung.get(4, 2),
                ung.get(5),
                ung.get(6),
                version == null ? null : release == null ? version : version + ":" + release);
    }

    /** An inbound TA1: the partner's answer to one of our interchanges. */
    static EventData ta1(Segment ta1) {
        String code = ta1.get(4);
        var status = "A".equals(code)
                ? FunctionalAckReceived.Status.ACCEPTED
                : "E".equals(code)
                        ? FunctionalAckReceived.Status.ACCEPTED_WITH_ERRORS
                        : FunctionalAckReceived.Status.REJECTED;
        String note = ta1.get(5);
        return new FunctionalAckReceived(
                FunctionalAckReceived.Standard.X12,
                "TA1",
                null,
                ta1.get(1),
                status,
                note == null || "000".equals(note)
                        ? List.of()
                        : List.of(new FunctionalAckReceived.SetAck(
                                null, null, status, List.of("TA1 note code " + note))));
    }

    /** ISA12 is a five-digit version from 00200 to 00899. */
    static boolean supportedX12Version(String version) {
        return version != null
                && version.matches("\\d{5}")
                && version.compareTo("00200") >= 0
                && version.compareTo("00899") <= 0;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
