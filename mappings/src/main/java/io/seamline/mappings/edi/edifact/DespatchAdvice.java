package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Notes;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentAdvised;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DESADV → {@code shipment.notice}: BGM 1004 is the despatch advice number (our shipment id), DTM 11 (despatched)
 * and 132/17/2 (expected arrival), RFF BM (bill of lading), CN (carrier reference), BN (booking), AWB, ON (the PO,
 * in the header or per line with the PO line as its third component), TDT carrier, EQD+CN container, and per LIN
 * the despatched quantity (QTY+12).
 */
final class DespatchAdvice implements SetMapper {

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("DESADV");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> all = tx.segments();
        List<Segment> header = tx.before("CPS").size() < tx.before("LIN").size() ? tx.before("CPS") : tx.before("LIN");
        Segment bgm = reads.required(Transaction.first(header, "BGM"), "BGM", all.get(0));
        String shipmentId = reads.required(bgm, 2, 1);
        LocalDateTime shipped = Qualified.dateTime(reads, header, "11", "137");
        LocalDateTime arrival = Qualified.dateTime(reads, header, "132", "17", "2", "69");
        String headerPo = ctx.value(ctx.overrides().poNumberOr("RFF01.2[RFF01.1=ON]"), header);
        String scac = Transaction.first(all, "TDT").map(t -> t.get(5, 1)).orElse(null);
        String container = Transaction.first(all, "EQD", e -> "CN".equals(e.get(1)))
                .map(e -> e.get(2, 1))
                .orElse(null);
        var lines = new ArrayList<ShipmentAdvised.Line>();
        List<List<Segment>> loops = tx.loops("LIN", Set.of("CPS", "CNT", "UNT"));
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment order = Qualified.first(loop, "RFF", "ON").orElse(null);
            String poNumber = order != null && order.get(1, 2) != null ? order.get(1, 2) : headerPo;
            String lineNumber =
                    order != null && order.get(1, 3) != null ? order.get(1, 3) : ctx.lineNumber("LIN01", loop, i + 1);
            var items = ctx.edifactItems(loop);
            lines.add(new ShipmentAdvised.Line(
                    poNumber,
                    lineNumber,
                    items.itemId(),
                    Qualified.quantity(reads, loop, "12", "21"),
                    Qualified.unit(loop, "12", "21"),
                    items.partnerItemId(),
                    items.ids(),
                    items.lot(),
                    items.serials(),
                    Notes.edifact(loop)));
        }
        return List.of(new ShipmentAdvised(
                shipmentId,
                date(shipped),
                date(arrival),
                scac,
                // shipment references wherever the partner put them: the header, a package level or a line
                new ShipmentAdvised.References(
                        Qualified.reference(all, "BM"),
                        Qualified.reference(all, "CN"),
                        container,
                        Qualified.reference(all, "AWB"),
                        Qualified.reference(all, "BN")),
                lines,
                Notes.edifact(header)));
    }

    private static LocalDate date(LocalDateTime at) {
        return at == null ? null : at.toLocalDate();
    }
}
