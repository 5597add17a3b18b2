package io.seamline.mappings.edi.ack;

import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupResult;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetAck;
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
import java.util.List;
import java.util.Optional;

/**
 * One CONTRL per EDIFACT interchange: UCI with action 8 (all accepted), 7 (partly) or 4 (rejected); a UCF per
 * UNG group; a UCM per message (7 accepted, 4 rejected) with UCS/UCD for segment and element errors.
 */
final class Contrl {

    static final String ACCEPTED = "8";
    static final String PARTLY = "7";
    static final String REJECTED = "4";

    private Contrl() {}

    static Optional<OutboundEdi> write(
            InterchangeResult interchange, EdiProfile profile, ControlNumberSource numbers, LocalDateTime now) {
        Envelope env = interchange.envelope();
        boolean acceptUnsupported = profile.acceptUnsupportedSets();
        List<GroupResult> groups = interchange.groups().stream()
                .map(g -> new GroupResult(
                        g.header(),
                        g.declaredSets(),
                        g.sets().stream()
                                .filter(s -> !Acknowledgements.isAcknowledgement(s.setId()))
                                .toList(),
                        g.defects()))
                .filter(g -> !g.sets().isEmpty() || g.rejectedAsAWhole())
                .toList();
        if (!interchange.rejected() && groups.isEmpty()) {
            return Optional.empty();
        }
        var parties = new Parties(
                        env.senderQualifier(), env.senderId(), env.receiverQualifier(), env.receiverId(), null, null)
                .swapped();
        String syntaxVersion = "4".equals(env.version()) ? "4" : "3";
        long interchangeControl = numbers.next(ControlNumberSource.INTERCHANGE);
        String messageRef = Long.toString(numbers.next(ControlNumberSource.SET));
        EdiWriter w = EdiWriter.of(Standard.EDIFACT, "UNOC", syntaxVersion);
        Envelopes.unb(w, parties, syntaxVersion, interchangeControl, env.test(), now);
        w.markSetStart();
        w.segment(
                "UNH",
                messageRef,
                "4".equals(syntaxVersion)
                        ? Composite.of("CONTRL", "4", "1", "UN")
                        : Composite.of("CONTRL", "D", "3", "UN"));
        String action = interchangeAction(interchange, groups, acceptUnsupported);
        Defect first = interchange.defects().stream()
                .filter(d -> !d.warning())
                .findFirst()
                .orElse(null);
        w.segment(
                "UCI",
                Echo.edifact(env.controlNumber()),
                Composite.of(Echo.edifact(env.senderId()), Echo.edifact(env.senderQualifier())),
                Composite.of(Echo.edifact(env.receiverId()), Echo.edifact(env.receiverQualifier())),
                action,
                first == null ? null : first.error().edifactCode(),
                first == null || first.segmentTag() == null ? null : Echo.edifact(first.segmentTag()));
        if (!interchange.rejected()) {
            for (GroupResult g : groups) {
                if (g.header() != null) {
                    Defect groupError = g.defects().stream()
                            .filter(d -> !d.warning())
                            .findFirst()
                            .orElse(null);
                    w.segment(
                            "UCF",
                            g.header().controlNumber(),
                            Composite.of(g.header().applicationSender()),
                            Composite.of(g.header().applicationReceiver()),
                            groupError != null
                                    ? REJECTED
                                    : g.accepted(acceptUnsupported) == g.sets().size() ? ACCEPTED : PARTLY,
                            groupError == null ? null : groupError.error().edifactCode());
                }
                for (SetAck message : g.sets()) {
                    message(w, message, acceptUnsupported);
                }
            }
        }
        w.segment("UNT", Integer.toString(w.segmentsInSet() + 1), messageRef);
        Envelopes.unz(w, 1, interchangeControl);
        return Optional.of(new OutboundEdi(
                "CONTRL", Standard.EDIFACT, w.finish(), Long.toString(interchangeControl), null, List.of(messageRef)));
    }

    private static String interchangeAction(
            InterchangeResult interchange, List<GroupResult> groups, boolean acceptUnsupported) {
        if (interchange.rejected()) {
            return REJECTED;
        }
        long total = groups.stream().mapToLong(g -> g.sets().size()).sum();
        long accepted =
                groups.stream().mapToLong(g -> g.accepted(acceptUnsupported)).sum();
        if (accepted == total) {
            return ACCEPTED;
        }
        return accepted == 0 ? REJECTED : PARTLY;
    }

    private static void message(EdiWriter w, SetAck message, boolean acceptUnsupported) {
        boolean accepted = message.acknowledgedAsAccepted(acceptUnsupported);
        Composite type = typeOf(message);
        Defect messageError = message.defects().stream()
                .filter(d -> !d.warning()
                        && d.error().level() == SyntaxError.Level.TRANSACTION
                        && d.error() != SyntaxError.SEGMENTS_IN_ERROR)
                .findFirst()
                .orElse(null);
        String code = messageError != null
                ? messageError.error().edifactCode()
                : !accepted && message.defects().isEmpty() ? SyntaxError.SET_NOT_SUPPORTED.edifactCode() : null;
        w.segment("UCM", Echo.edifact(message.controlNumber()), type, accepted ? PARTLY : REJECTED, code);
        List<Defect> positioned = new ArrayList<>();
        for (Defect d : message.defects()) {
            if (d.segmentTag() != null
                    && d.segmentPosition() > 0
                    && d.error().level().ordinal() >= 3) {
                positioned.add(d);
            }
        }
        Integer lastSegment = null;
        for (Defect d : positioned) {
            if (lastSegment == null || lastSegment != d.segmentPosition()) {
                lastSegment = d.segmentPosition();
                w.segment(
                        "UCS",
                        Integer.toString(d.segmentPosition()),
                        d.error().level() == SyntaxError.Level.SEGMENT
                                ? d.error().edifactCode()
                                : null);
            }
            if (d.error().level() == SyntaxError.Level.ELEMENT) {
                w.segment(
                        "UCD",
                        d.error().edifactCode(),
                        d.componentPosition() > 0
                                ? Composite.of(
                                        Integer.toString(d.elementPosition()), Integer.toString(d.componentPosition()))
                                : Composite.of(Integer.toString(Math.max(1, d.elementPosition()))));
            }
        }
    }

    private static Composite typeOf(SetAck message) {
        String version = message.version();
        String v = "D";
        String r = null;
        if (version != null && version.contains(":")) {
            v = version.substring(0, version.indexOf(':'));
            r = version.substring(version.indexOf(':') + 1);
        }
        return Composite.of(Echo.edifact(message.setId()), Echo.edifact(v), Echo.edifact(r), "UN");
    }
}
