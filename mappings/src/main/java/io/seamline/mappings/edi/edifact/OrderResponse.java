package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.CodeLists;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Notes;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.EventData;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.OrderAcknowledged.AckType;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ORDRSP → {@code po.acknowledged} (BGM 1225: 29 accepted, 4 accepted with changes, 27 rejected; 9 "original"
 * decided by its lines), or {@code po.commitment.updated} when BGM 1225 is 5 (replace: new commitments). Per LIN:
 * 1229 (5 accepted, 3/6 changed, 7 rejected), QTY (113 to be delivered, else 21 ordered), DTM promised (69, 2, 67,
 * 17, 64, 63, 10), PRI, items from LIN/PIA. The PO number is RFF+ON.
 */
final class OrderResponse implements SetMapper {

    static final Map<String, AckType> BGM_1225 = Map.of(
            "29", AckType.ACCEPTED,
            "4", AckType.ACCEPTED_WITH_CHANGES,
            "27", AckType.REJECTED);

    /**
     * UNTDID 1229 action codes as line statuses: 5 accepted, 1 added, 3 changed, 6 accepted with amendment, 2
     * deleted and 7 not accepted, 4 no action. Another code of UNTDID 1229 is no syntax error: the line takes the
     * order's status and keeps its code; a code off the list is an invalid code.
     */
    static final Map<String, LineStatus> LIN_1229 = Map.of(
            "1", LineStatus.CHANGED,
            "2", LineStatus.REJECTED,
            "3", LineStatus.CHANGED,
            "4", LineStatus.ACCEPTED,
            "5", LineStatus.ACCEPTED,
            "6", LineStatus.CHANGED,
            "7", LineStatus.REJECTED);

    static final List<String> PROMISED = List.of("69", "2", "67", "17", "64", "63", "10");

    /** The order number in the header. */
    static final String ORDER_REFERENCE = "RFF01.2[RFF01.1=ON]";

    /**
     * The order number where a partner puts it on its lines instead (RFF+ON or RFF+LI inside a line group): read
     * when the header has none, so the document is read line by line rather than refused.
     */
    static java.util.Optional<String> lineReference(List<Segment> segments) {
        for (String path : List.of(ORDER_REFERENCE, "RFF01.2[RFF01.1=LI]")) {
            var found = io.seamline.mappings.edi.mapping.ElementPath.parse(path).in(segments);
            if (found.isPresent()) {
                return java.util.Optional.of(found.get().text());
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("ORDRSP");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> header = tx.before("LIN");
        Segment bgm = reads.required(
                Transaction.first(header, "BGM"), "BGM", tx.segments().get(0));
        String function = bgm == null ? null : bgm.get(3);
        String poNumber = ctx.poNumber(ORDER_REFERENCE, header, bgm, lineReference(tx.segments()));
        List<String> promised = ctx.promisedDateQualifiers(PROMISED);
        List<List<Segment>> loops = tx.loops("LIN", Set.of("UNS", "CNT", "UNT"));
        boolean replace = "5".equals(function);
        var ackLines = new ArrayList<OrderAcknowledged.Line>();
        var commitments = new ArrayList<CommitmentUpdated.Line>();
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment lin = loop.get(0);
            String lineNumber = ctx.lineNumber("LIN01", loop, i + 1);
            BigDecimal quantity = Qualified.quantity(reads, loop, "113", "21", "12");
            String unit = Qualified.unit(loop, "113", "21", "12");
            LocalDateTime promisedAt = Qualified.dateTime(reads, loop, promised.toArray(String[]::new));
            LocalDate promisedDate = promisedAt == null ? null : promisedAt.toLocalDate();
            var items = ctx.edifactItems(loop);
            if (replace) {
                commitments.add(new CommitmentUpdated.Line(
                        lineNumber,
                        quantity,
                        promisedDate,
                        lin.get(2),
                        items.itemId(),
                        items.partnerItemId(),
                        items.ids(),
                        Notes.edifact(loop)));
                continue;
            }
            LineStatus status = reads.code(lin, 2, "LIN02", Standard.EDIFACT, "1229", LIN_1229, LineStatus.class, null);
            BigDecimal price = Qualified.first(loop, "PRI", "AAA", "AAB", "INV")
                    .map(p -> reads.decimal(p, 1, 2))
                    .orElse(null);
            ackLines.add(new OrderAcknowledged.Line(
                    lineNumber,
                    status,
                    quantity,
                    unit,
                    promisedDate,
                    price,
                    items.itemId(),
                    items.partnerItemId(),
                    items.ids(),
                    Notes.edifact(loop),
                    lin.get(2)));
        }
        String note = Notes.edifact(header);
        if (replace) {
            return List.of(new CommitmentUpdated(poNumber, commitments, note));
        }
        AckType ackType = ackType(reads, bgm, function, ackLines);
        var lines = ackLines.stream()
                .map(l -> l.status() != null
                        ? l
                        : l.withStatus(ackType == AckType.REJECTED ? LineStatus.REJECTED : LineStatus.ACCEPTED))
                .toList();
        String responseNumber = bgm == null ? null : bgm.get(2, 1);
        return List.of(new OrderAcknowledged(poNumber, ackType, responseNumber, note, lines, function));
    }

    /**
     * BGM 1225 by the table; "9" (original), an absent code and another code of UNTDID 1225 are decided by the lines.
     */
    private static AckType ackType(Reads reads, Segment bgm, String function, List<OrderAcknowledged.Line> lines) {
        if (function != null && !"9".equals(function)) {
            AckType mapped = reads.code(bgm, 3, "BGM03", Standard.EDIFACT, "1225", BGM_1225, AckType.class, null);
            if (mapped != null || !CodeLists.allows(Standard.EDIFACT, "1225", function)) {
                return mapped;
            }
        }
        boolean anyChange = lines.stream().anyMatch(l -> l.status() != null && l.status() != LineStatus.ACCEPTED);
        boolean allRejected = !lines.isEmpty() && lines.stream().allMatch(l -> l.status() == LineStatus.REJECTED);
        if (allRejected) {
            return AckType.REJECTED;
        }
        return anyChange ? AckType.ACCEPTED_WITH_CHANGES : AckType.ACCEPTED;
    }
}
