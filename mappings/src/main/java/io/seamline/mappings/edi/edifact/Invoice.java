package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Notes;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.event.InvoiceReceived.Kind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INVOIC → {@code invoice.received}: BGM (380 invoice, 381 credit note …; 1004 the number), DTM 137/3, CUX
 * currency, RFF ON (PO), per LIN: QTY 47 (invoiced), PRI, MOA 203 (line amount), RFF ON:po:line; totals MOA 77, 86
 * or 39; ALC charges with their MOA; TAX with MOA 124. A freight invoice (a forwarder's, with transport references
 * and no goods lines) is FREIGHT; a partner can fix the kind with the code override {@code KIND:default}.
 */
final class Invoice implements SetMapper {

    static final Map<String, ChargeCode> ALC_7161 = Map.of(
            "FC", ChargeCode.FREIGHT,
            "FAC", ChargeCode.FREIGHT,
            "FUE", ChargeCode.FUEL_SURCHARGE,
            "DL", ChargeCode.DETENTION,
            "ABW", ChargeCode.DUTY);

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("INVOIC");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> header = tx.before("LIN");
        Segment bgm = reads.required(
                Transaction.first(header, "BGM"), "BGM", tx.segments().get(0));
        String invoiceNumber = reads.required(bgm, 2, 1);
        LocalDateTime invoiceDate = Qualified.dateTime(reads, header, "137", "3");
        String currency =
                Transaction.first(tx.segments(), "CUX").map(c -> c.get(1, 2)).orElse(null);
        String headerPo = ctx.value(ctx.overrides().poNumberOr("RFF01.2[RFF01.1=ON]"), header);
        var poNumbers = new LinkedHashSet<String>();
        if (headerPo != null) {
            poNumbers.add(headerPo);
        }
        var lines = new ArrayList<InvoiceReceived.Line>();
        List<List<Segment>> loops = tx.loops("LIN", Set.of("UNS", "CNT", "UNT"));
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment order = Qualified.first(loop, "RFF", "ON").orElse(null);
            String po = order != null && order.get(1, 2) != null ? order.get(1, 2) : headerPo;
            if (po != null) {
                poNumbers.add(po);
            }
            String lineNumber = ctx.lineNumber("LIN01", loop, i + 1);
            BigDecimal quantity = Qualified.signedQuantity(reads, loop, "47", "46", "12");
            BigDecimal price = Qualified.first(loop, "PRI", "AAA", "AAB", "INV")
                    .map(p -> reads.decimal(p, 1, 2))
                    .orElse(null);
            BigDecimal amount = Qualified.amount(reads, loop, "203", "66", "38");
            var items = ctx.edifactItems(loop);
            lines.add(new InvoiceReceived.Line(
                    lineNumber,
                    po,
                    order != null && order.get(1, 3) != null ? order.get(1, 3) : lineNumber,
                    items.itemId(),
                    quantity,
                    price,
                    amount != null || quantity == null || price == null ? amount : quantity.multiply(price),
                    items.partnerItemId(),
                    items.ids(),
                    Notes.edifact(loop)));
        }
        int uns = indexOf(tx.segments(), "UNS");
        List<Segment> summary =
                uns < 0 ? List.of() : tx.segments().subList(uns, tx.segments().size());
        BigDecimal total = Qualified.amount(reads, tx.segments(), "77", "86", "39", "128", "9", "79");
        if (total == null) {
            reads.required(
                    java.util.Optional.empty(),
                    "MOA",
                    tx.segments().get(tx.segments().size() - 1));
        }
        var charges = new ArrayList<InvoiceReceived.Charge>();
        for (List<Segment> alc : Transaction.loops(summary, "ALC", Set.of("UNT", "TAX"))) {
            Segment head = alc.get(0);
            BigDecimal amount = Qualified.amount(reads, alc, "8", "23", "131", "25");
            if (amount == null) {
                continue;
            }
            String code = head.get(5, 1);
            ChargeCode mapped = reads.codeOr("ALC05", code, ALC_7161, ChargeCode.class, ChargeCode.ACCESSORIAL);
            charges.add(new InvoiceReceived.Charge(mapped, code, "A".equals(head.get(1)) ? amount.negate() : amount));
        }
        BigDecimal tax = Qualified.amount(reads, summary, "124", "176");
        if (tax != null) {
            charges.add(new InvoiceReceived.Charge(ChargeCode.TAX, "124", tax));
        }
        String bol = Qualified.reference(tx.segments(), "BM");
        Kind kind = reads.codeOr(
                "KIND", "default", Map.of(), Kind.class, loops.isEmpty() && bol != null ? Kind.FREIGHT : Kind.GOODS);
        return List.of(new InvoiceReceived(
                invoiceNumber,
                kind,
                invoiceDate == null ? null : invoiceDate.toLocalDate(),
                currency,
                total,
                List.copyOf(poNumbers),
                Transaction.first(tx.segments(), "TDT").map(t -> t.get(5, 1)).orElse(null),
                new InvoiceReceived.References(
                        bol,
                        Qualified.reference(tx.segments(), "CN"),
                        Qualified.reference(tx.segments(), "AAS", "SRN")),
                lines,
                charges,
                purpose(bgm == null ? null : bgm.get(1, 1)),
                Notes.edifact(header)));
    }

    /** BGM 1001: 381 credit note, 383 debit note (UNTDID 1001); every other invoice code bills. */
    static InvoiceReceived.Purpose purpose(String code) {
        if ("381".equals(code)) {
            return InvoiceReceived.Purpose.CREDIT;
        }
        return "383".equals(code) ? InvoiceReceived.Purpose.DEBIT : InvoiceReceived.Purpose.INVOICE;
    }

    private static int indexOf(List<Segment> segments, String tag) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }
}
