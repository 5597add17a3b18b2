package io.seamline.mappings.edi.ack;

import io.seamline.mappings.edi.AckFormat;
import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupResult;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetAck;
import io.seamline.mappings.edi.SetStatus;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.SyntaxError;
import io.seamline.mappings.edi.outbound.ControlNumberSource;
import io.seamline.mappings.edi.outbound.Echo;
import io.seamline.mappings.edi.outbound.EdiWriter;
import io.seamline.mappings.edi.outbound.EdiWriter.Composite;
import io.seamline.mappings.edi.outbound.Envelopes;
import io.seamline.mappings.edi.outbound.OutboundEdi;
import io.seamline.mappings.edi.outbound.Parties;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TA1 and 997/999 for one X12 interchange, in one interchange of ours. */
final class X12Acks {

    /** Envelope errors a TA1 notes on an interchange it accepts (TA104 E). */
    private static final java.util.Set<SyntaxError> NOTED = java.util.EnumSet.of(
            SyntaxError.INVALID_INTERCHANGE_DATE,
            SyntaxError.INVALID_INTERCHANGE_TIME,
            SyntaxError.INVALID_CONTROL_NUMBER);

    private X12Acks() {}

    static Optional<OutboundEdi> write(
            InterchangeResult interchange, EdiProfile profile, ControlNumberSource numbers, LocalDateTime now) {
        Envelope env = interchange.envelope();
        boolean rejected = interchange.rejected();
        boolean ta1 = rejected || env.acknowledgementRequested();
        List<GroupResult> groups = rejected || !Acknowledgements.wantsFunctionalAck(profile)
                ? List.of()
                : interchange.groups().stream()
                        .filter(g ->
                                g.header() != null && !"FA".equals(g.header().functionalId()))
                        .toList();
        if (!ta1 && groups.isEmpty()) {
            return Optional.empty();
        }
        var parties = new Parties(
                        env.senderQualifier(), env.senderId(), env.receiverQualifier(), env.receiverId(), null, null)
                .swapped();
        String version = !groups.isEmpty() && profile.ackFormat() == AckFormat.X999
                ? "00501"
                : env.version() == null || !env.version().matches("\\d{5}") ? "00401" : env.version();
        long interchangeControl = numbers.next(ControlNumberSource.INTERCHANGE);
        EdiWriter w = EdiWriter.of(Standard.X12, version);
        Envelopes.isa(w, parties, version, interchangeControl, env.test(), now);
        if (ta1) {
            Defect first = interchange.defects().stream()
                    .filter(d -> !d.warning())
                    .findFirst()
                    .orElse(null);
            // an envelope value the standard does not allow (ISA09 date, ISA10 time, ISA13 number) that Seamline read
            // past: accepted, but the TA1 says so (E and its code) instead of "no error"
            Defect noted = interchange.defects().stream()
                    .filter(d -> d.warning() && NOTED.contains(d.error()))
                    .findFirst()
                    .orElse(null);
            w.segment(
                    "TA1",
                    Echo.x12(env.controlNumber()),
                    Echo.x12(env.date()),
                    Echo.x12(env.time()),
                    rejected ? "R" : noted != null ? "E" : "A",
                    first != null
                            ? first.error().x12Code()
                            : noted != null ? noted.error().x12Code() : "000");
        }
        String groupControl = null;
        var setControls = new ArrayList<String>();
        if (!groups.isEmpty()) {
            boolean is999 = profile.ackFormat() == AckFormat.X999;
            String gsVersion = ackVersion(groups.get(0).header().version(), is999);
            long group = numbers.next(ControlNumberSource.GROUP);
            groupControl = Long.toString(group);
            var ackParties = new Parties(
                    parties.senderQualifier(),
                    parties.senderId(),
                    parties.receiverQualifier(),
                    parties.receiverId(),
                    groups.get(0).header().applicationReceiver(),
                    groups.get(0).header().applicationSender());
            Envelopes.gs(w, "FA", ackParties, group, gsVersion, now);
            for (GroupResult g : groups) {
                String st02 = Envelopes.st02(numbers.next(ControlNumberSource.SET));
                setControls.add(st02);
                functionalAck(w, g, profile, is999, st02, gsVersion);
            }
            Envelopes.ge(w, groups.size(), group);
        }
        Envelopes.iea(w, groups.isEmpty() ? 0 : 1, interchangeControl);
        String type = groups.isEmpty() ? "TA1" : profile.ackFormat() == AckFormat.X999 ? "999" : "997";
        return Optional.of(new OutboundEdi(
                type, Standard.X12, w.finish(), Envelopes.isa13(interchangeControl), groupControl, setControls));
    }

    private static void functionalAck(
            EdiWriter w, GroupResult group, EdiProfile profile, boolean is999, String st02, String version) {
        w.markSetStart();
        w.segment("ST", is999 ? "999" : "997", st02, version.startsWith("005") ? version : null);
        var header = group.header();
        w.segment(
                "AK1",
                Echo.x12(header.functionalId()),
                Echo.x12(header.controlNumber()),
                header.version() != null && header.version().startsWith("005") ? Echo.x12(header.version()) : null);
        boolean acceptUnsupported = profile.acceptUnsupportedSets();
        for (SetAck set : group.sets()) {
            w.segment("AK2", Echo.x12(set.setId()), Echo.x12(set.controlNumber()));
            segmentErrors(w, set, is999);
            // a group rejected as a whole (its trailer's count or control number) delivers none of its sets: no AK5
            // may call one accepted while the AK9 counts none
            String status = group.rejectedAsAWhole() ? "R" : setStatus(set, acceptUnsupported);
            List<String> codes = setCodes(set, acceptUnsupported);
            var ak5 = new ArrayList<Object>();
            ak5.add(status);
            ak5.addAll(codes.stream().limit(5).toList());
            w.segment(is999 ? "IK5" : "AK5", ak5.toArray());
        }
        long received = group.sets().size();
        long accepted = group.accepted(acceptUnsupported);
        String groupStatus = groupStatus(group, acceptUnsupported);
        var ak9 = new ArrayList<Object>();
        ak9.add(groupStatus);
        ak9.add(Integer.toString(group.declaredSets()));
        ak9.add(Long.toString(received));
        ak9.add(Long.toString(accepted));
        group.defects().stream()
                .filter(d -> !d.warning())
                .map(d -> d.error().x12Code())
                .distinct()
                .limit(5)
                .forEach(ak9::add);
        w.segment("AK9", ak9.toArray());
        w.segment("SE", Integer.toString(w.segmentsInSet() + 1), st02);
    }

    /** AK3/AK4 (IK3/IK4): segment-level defects, and element defects grouped under their segment. */
    private static void segmentErrors(EdiWriter w, SetAck set, boolean is999) {
        Map<String, List<Defect>> bySegment = new LinkedHashMap<>();
        for (Defect d : set.defects()) {
            var level = d.error().level();
            if ((level == SyntaxError.Level.SEGMENT || level == SyntaxError.Level.ELEMENT) && d.segmentTag() != null) {
                bySegment
                        .computeIfAbsent(d.segmentTag() + "@" + d.segmentPosition(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        for (List<Defect> defects : bySegment.values()) {
            Defect first = defects.get(0);
            Defect segmentLevel = defects.stream()
                    .filter(d -> d.error().level() == SyntaxError.Level.SEGMENT)
                    .findFirst()
                    .orElse(null);
            String code = segmentLevel != null
                    ? segmentLevel.error().x12Code()
                    : SyntaxError.SEGMENT_HAS_ELEMENT_ERRORS.x12Code();
            w.segment(
                    is999 ? "IK3" : "AK3",
                    first.segmentTag(),
                    Integer.toString(Math.max(1, first.segmentPosition())),
                    first.loopId(),
                    code);
            for (Defect d : defects) {
                if (d.error().level() != SyntaxError.Level.ELEMENT) {
                    continue;
                }
                Object position = d.componentPosition() > 0
                        ? Composite.of(Integer.toString(d.elementPosition()), Integer.toString(d.componentPosition()))
                        : Integer.toString(Math.max(1, d.elementPosition()));
                w.segment(
                        is999 ? "IK4" : "AK4", position, reference(d), d.error().x12Code(), badValue(d));
            }
        }
    }

    private static String setStatus(SetAck set, boolean acceptUnsupported) {
        if (set.status() == SetStatus.UNSUPPORTED) {
            return acceptUnsupported ? "A" : "R";
        }
        return switch (set.status()) {
            case ACCEPTED -> "A";
            case ACCEPTED_WITH_ERRORS -> "E";
            default -> "R";
        };
    }

    private static List<String> setCodes(SetAck set, boolean acceptUnsupported) {
        var codes = new ArrayList<String>();
        if (set.status() == SetStatus.UNSUPPORTED && !acceptUnsupported) {
            codes.add(SyntaxError.SET_NOT_SUPPORTED.x12Code());
        }
        set.defects().stream()
                .filter(d -> d.error().level() == SyntaxError.Level.TRANSACTION)
                .map(d -> d.error().x12Code())
                .forEach(codes::add);
        if (set.status() == SetStatus.REJECTED
                && set.defects().stream().anyMatch(d -> d.error().level().ordinal() > 2)
                && !codes.contains(SyntaxError.SEGMENTS_IN_ERROR.x12Code())) {
            codes.add(SyntaxError.SEGMENTS_IN_ERROR.x12Code());
        }
        return codes.stream().distinct().toList();
    }

    private static String groupStatus(GroupResult group, boolean acceptUnsupported) {
        if (group.rejectedAsAWhole()) {
            return "R";
        }
        long accepted = group.accepted(acceptUnsupported);
        if (accepted == 0) {
            return "R";
        }
        if (accepted < group.sets().size()) {
            return "P";
        }
        boolean withErrors = group.sets().stream().anyMatch(s -> s.status() == SetStatus.ACCEPTED_WITH_ERRORS);
        return withErrors ? "E" : "A";
    }

    /** GS08 of our 997/999: the partner's version family (004010), or the 5010 guides X230 / X231A1. */
    private static String ackVersion(String inbound, boolean is999) {
        if (inbound != null && inbound.startsWith("005010")) {
            return is999 ? "005010X231A1" : "005010X230";
        }
        if (is999) {
            return "005010X231A1";
        }
        return inbound == null || !inbound.matches("\\d{6}.*") ? "004010" : inbound.substring(0, 6);
    }

    private static String reference(Defect d) {
        String ref = d.elementReference();
        return ref != null && ref.matches("\\d{1,4}") ? ref : null;
    }

    private static String badValue(Defect d) {
        if (d.value() == null || d.value().isEmpty()) {
            return null;
        }
        String value = Echo.x12(d.value());
        return value.length() > 99 ? value.substring(0, 99) : value;
    }
}
