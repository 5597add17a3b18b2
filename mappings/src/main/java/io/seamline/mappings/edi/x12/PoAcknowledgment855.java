package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.CodeLists;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Notes;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.OrderAcknowledged.AckType;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 855 Purchase Order Acknowledgment → {@code po.acknowledged}. */
final class PoAcknowledgment855 implements SetMapper {

    /** DESIGN.md's table, then the rest of the X12 code list (AE, AH exceptions; AP, NA plain acceptance). */
    static final Map<String, AckType> BAK02 = Map.ofEntries(
            Map.entry("AC", AckType.ACCEPTED_WITH_CHANGES),
            Map.entry("AD", AckType.ACCEPTED),
            Map.entry("AK", AckType.ACCEPTED),
            Map.entry("AT", AckType.ACCEPTED),
            Map.entry("RD", AckType.REJECTED),
            Map.entry("RJ", AckType.REJECTED),
            Map.entry("RF", AckType.REJECTED),
            Map.entry("RO", AckType.REJECTED),
            Map.entry("AE", AckType.ACCEPTED_WITH_CHANGES),
            Map.entry("AH", AckType.ACCEPTED_WITH_CHANGES),
            Map.entry("AP", AckType.ACCEPTED),
            Map.entry("NA", AckType.ACCEPTED));

    /**
     * DESIGN.md's table, then the rest of the X12 668 line statuses: AC/AR shipped or released, AA forwarded to
     * another location, BP partial, the on-hold codes, R5 to R8 rejected with a reorder instruction.
     */
    static final Map<String, LineStatus> ACK01 = Map.ofEntries(
            Map.entry("IA", LineStatus.ACCEPTED),
            Map.entry("IB", LineStatus.BACKORDERED),
            Map.entry("IC", LineStatus.CHANGED),
            Map.entry("DR", LineStatus.CHANGED),
            Map.entry("IQ", LineStatus.CHANGED),
            Map.entry("IP", LineStatus.CHANGED),
            Map.entry("IS", LineStatus.CHANGED),
            Map.entry("ID", LineStatus.REJECTED),
            Map.entry("IR", LineStatus.REJECTED),
            Map.entry("R1", LineStatus.REJECTED),
            Map.entry("R2", LineStatus.REJECTED),
            Map.entry("R3", LineStatus.REJECTED),
            Map.entry("R4", LineStatus.REJECTED),
            Map.entry("R5", LineStatus.REJECTED),
            Map.entry("R6", LineStatus.REJECTED),
            Map.entry("R7", LineStatus.REJECTED),
            Map.entry("R8", LineStatus.REJECTED),
            Map.entry("AA", LineStatus.ACCEPTED),
            Map.entry("AC", LineStatus.ACCEPTED),
            Map.entry("AR", LineStatus.ACCEPTED),
            Map.entry("BP", LineStatus.BACKORDERED),
            Map.entry("IE", LineStatus.CHANGED),
            Map.entry("IF", LineStatus.CHANGED),
            Map.entry("IH", LineStatus.CHANGED),
            Map.entry("IW", LineStatus.CHANGED),
            Map.entry("SP", LineStatus.CHANGED));

    /** ACK04 date qualifiers that carry the promised date: 067, 068, 069, 017. */
    static final List<String> PROMISED = List.of("067", "068", "069", "017");

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("855");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> header = tx.before("PO1");
        Segment st = tx.segments().get(0);
        Segment bak = reads.required(Transaction.first(header, "BAK"), "BAK", st);
        AckType ackType = reads.code(bak, 2, "BAK02", Standard.X12, "587", BAK02, AckType.class, null);
        if (bak != null) {
            reads.required(bak, 2);
        }
        String poNumber = ctx.poNumber("BAK03", header, bak);
        List<String> promised = ctx.promisedDateQualifiers(PROMISED);
        var lines = new ArrayList<OrderAcknowledged.Line>();
        List<List<Segment>> loops = tx.loops("PO1", Set.of("CTT", "AMT", "SE"));
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment po1 = loop.get(0);
            Segment ack = Transaction.first(loop, "ACK").orElse(null);
            LineStatus status = ack == null
                    ? defaultStatus(ackType)
                    : reads.code(ack, 1, "ACK01", Standard.X12, "668", ACK01, LineStatus.class, defaultStatus(ackType));
            if (ack != null) {
                reads.required(ack, 1);
            }
            var items = ctx.x12Items(po1, 6);
            lines.add(new OrderAcknowledged.Line(
                    ctx.lineNumber("PO101", loop, i + 1),
                    status,
                    ack != null && ack.get(2) != null ? reads.quantity(ack, 2) : reads.quantity(po1, 2),
                    ack != null && ack.get(3) != null ? ack.get(3) : po1.get(3),
                    promisedDate(ack, loop, promised, reads),
                    reads.decimal(po1, 4),
                    items.itemId(),
                    items.partnerItemId(),
                    items.ids(),
                    Notes.x12(loop),
                    ack == null ? null : ack.get(1)));
        }
        String note = Notes.x12(header);
        String code = bak == null ? null : bak.get(2);
        if (code != null && ("NA".equals(code) || ackType == null && CodeLists.allows(Standard.X12, "587", code))) {
            // "no acknowledgement needed", or a code of the standard Seamline does not map, says nothing of the
            // order itself: its status is what its lines say, and a person looks at one without lines
            ackType = lines.isEmpty()
                    ? "NA".equals(code) ? AckType.ACCEPTED : AckType.ACCEPTED_WITH_CHANGES
                    : followingLines(lines);
        }
        return List.of(new OrderAcknowledged(poNumber, ackType, bak == null ? null : bak.get(8), note, lines, code));
    }

    /** The order's status from its lines: all rejected, all accepted as ordered, or accepted with changes. */
    static AckType followingLines(List<OrderAcknowledged.Line> lines) {
        if (lines.stream().allMatch(l -> l.status() == LineStatus.REJECTED)) {
            return AckType.REJECTED;
        }
        return lines.stream().allMatch(l -> l.status() == LineStatus.ACCEPTED)
                ? AckType.ACCEPTED
                : AckType.ACCEPTED_WITH_CHANGES;
    }

    static LineStatus defaultStatus(AckType ackType) {
        return ackType == AckType.REJECTED ? LineStatus.REJECTED : LineStatus.ACCEPTED;
    }

    /** ACK05 when ACK04 is a promised-date qualifier, else a DTM of the line with one. */
    static LocalDate promisedDate(Segment ack, List<Segment> loop, List<String> qualifiers, Reads reads) {
        if (ack != null && ack.get(4) != null && qualifiers.contains(ack.get(4))) {
            return reads.date(ack, 5);
        }
        for (Segment s : loop) {
            if (s.tag().equals("DTM") && s.get(1) != null && qualifiers.contains(s.get(1))) {
                return reads.date(s, 2);
            }
            if (s.tag().equals("ACK") && s != ack && s.get(4) != null && qualifiers.contains(s.get(4))) {
                return reads.date(s, 5);
            }
        }
        return null;
    }
}
