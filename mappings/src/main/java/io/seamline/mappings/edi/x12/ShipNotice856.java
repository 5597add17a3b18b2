package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.ElementPath;
import io.seamline.mappings.edi.mapping.Items;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentAdvised;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 856 Ship Notice/Manifest → {@code shipment.notice}. The HL hierarchy is walked in order: shipment-level TD5
 * (SCAC), TD3 (container), REF (BM bill of lading, CN PRO, BN booking, AW air waybill) and DTM (011 shipped,
 * 017/067 estimated delivery); order-level PRF01 (the PO number); item-level LIN (line and items) and SN1
 * (quantity shipped).
 */
final class ShipNotice856 implements SetMapper {

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("856");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment st = tx.segments().get(0);
        Segment bsn = reads.required(tx.first("BSN"), "BSN", st);
        String shipmentId = reads.required(bsn, 2);
        LocalDate shipDate = null;
        LocalDate estimated = null;
        String scac = null;
        String bol = null;
        String pro = null;
        String container = null;
        String awb = null;
        String booking = null;
        var lines = new ArrayList<ShipmentAdvised.Line>();
        String level = "S";
        String poNumber = null;
        Segment lin = null;
        int itemPosition = 0;
        ElementPath poPath = ElementPath.parse(ctx.overrides().poNumberOr("PRF01"));
        for (Segment s : tx.segments()) {
            switch (s.tag()) {
                case "HL" -> {
                    flush(lin, null, poNumber, itemPosition, ctx, lines);
                    lin = null;
                    level = s.get(3) == null ? level : s.get(3);
                }
                case "TD5" -> {
                    if ("2".equals(s.get(2)) && scac == null) {
                        scac = s.get(3);
                    }
                }
                case "TD3" -> {
                    if (container == null && s.get(3) != null) {
                        container = (s.get(2) == null ? "" : s.get(2)) + s.get(3);
                    }
                }
                case "REF" -> {
                    String q = s.get(1);
                    String v = s.get(2);
                    if ("BM".equals(q)) {
                        bol = bol == null ? v : bol;
                    } else if ("CN".equals(q)) {
                        pro = pro == null ? v : pro;
                    } else if ("BN".equals(q)) {
                        booking = booking == null ? v : booking;
                    } else if ("AW".equals(q)) {
                        awb = awb == null ? v : awb;
                    }
                }
                case "DTM" -> {
                    if ("011".equals(s.get(1)) && shipDate == null) {
                        shipDate = reads.date(s, 2);
                    } else if (("017".equals(s.get(1)) || "067".equals(s.get(1))) && estimated == null) {
                        estimated = reads.date(s, 2);
                    }
                }
                case "LIN" -> {
                    flush(lin, null, poNumber, itemPosition, ctx, lines);
                    lin = s;
                    itemPosition++;
                }
                case "SN1" -> {
                    if (lin != null || "I".equals(level)) {
                        flush(lin, s, poNumber, itemPosition, ctx, lines);
                        lin = null;
                    }
                }
                default -> {
                    // other segments carry nothing the canonical notice needs
                }
            }
            if (poPath.selects(s)) {
                String value = s.get(poPath.element(), poPath.component());
                if (value != null) {
                    poNumber = value;
                }
            }
        }
        flush(lin, null, poNumber, itemPosition, ctx, lines);
        return List.of(new ShipmentAdvised(
                shipmentId,
                shipDate != null ? shipDate : bsn == null ? null : reads.date(bsn, 3),
                estimated,
                scac,
                new ShipmentAdvised.References(bol, pro, container, awb, booking),
                lines));
    }

    /** Adds the item line ending here (a LIN, its SN1, or both) to {@code lines}. */
    private static void flush(
            Segment lin,
            Segment sn1,
            String poNumber,
            int position,
            MappingContext ctx,
            List<ShipmentAdvised.Line> lines) {
        if (lin == null && sn1 == null) {
            return;
        }
        var items = lin == null ? Items.NONE : ctx.x12Items(lin, 2);
        String lineNumber = lin == null ? null : ctx.lineNumber("LIN01", List.of(lin), position);
        lines.add(new ShipmentAdvised.Line(
                poNumber,
                lineNumber,
                items.itemId(),
                sn1 == null ? null : ctx.reads().quantity(sn1, 2),
                sn1 == null ? null : sn1.get(3),
                items.partnerItemId(),
                items.ids(),
                items.lot(),
                items.serials(),
                null));
    }
}
