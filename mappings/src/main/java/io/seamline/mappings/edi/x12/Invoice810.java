package io.seamline.mappings.edi.x12;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 810 Invoice → {@code invoice.received} (GOODS): BIG (date, number, PO), CUR, IT1 lines (the PO line is IT101),
 * TDS01 total in cents, SAC charges and allowances, TXI taxes.
 */
final class Invoice810 implements SetMapper {

    static final Map<String, ChargeCode> SAC02 = Map.of(
            "D240", ChargeCode.FREIGHT,
            "D230", ChargeCode.FREIGHT,
            "C280", ChargeCode.OTHER,
            "H090", ChargeCode.ACCESSORIAL,
            "H850", ChargeCode.TAX,
            "D170", ChargeCode.FUEL_SURCHARGE);

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("810");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment st = tx.segments().get(0);
        List<Segment> header = tx.before("IT1");
        Segment big = reads.required(Transaction.first(header, "BIG"), "BIG", st);
        String invoiceNumber = reads.required(big, 2);
        var invoiceDate = reads.date(big, 1);
        reads.required(big, 1);
        String poNumber = big == null ? null : ctx.value(ctx.overrides().poNumberOr("BIG04"), header);
        String currency = Transaction.first(header, "CUR").map(c -> c.get(2)).orElse("USD");
        var poNumbers = new LinkedHashSet<String>();
        if (poNumber != null) {
            poNumbers.add(poNumber);
        }
        var lines = new ArrayList<InvoiceReceived.Line>();
        List<List<Segment>> loops = tx.loops("IT1", Set.of("TDS", "CTT", "SE"));
        for (int i = 0; i < loops.size(); i++) {
            List<Segment> loop = loops.get(i);
            Segment it1 = loop.get(0);
            BigDecimal quantity = reads.decimal(it1, 2);
            BigDecimal price = reads.decimal(it1, 4);
            String linePo = Transaction.first(loop, "REF", r -> r.is(1, "PO"))
                    .map(r -> r.get(2))
                    .orElse(poNumber);
            if (linePo != null) {
                poNumbers.add(linePo);
            }
            String lineNumber = ctx.lineNumber("IT101", loop, i + 1);
            var items = ctx.x12Items(it1, 6);
            lines.add(new InvoiceReceived.Line(
                    lineNumber,
                    linePo,
                    lineNumber,
                    items.itemId(),
                    quantity,
                    price,
                    quantity == null || price == null ? null : quantity.multiply(price),
                    items.partnerItemId(),
                    items.ids(),
                    Notes.x12(loop)));
        }
        Segment tds = reads.required(tx.first("TDS"), "TDS", loops.isEmpty() ? big : null);
        BigDecimal total = reads.cents(tds, 1);
        reads.required(tds, 1);
        var charges = new ArrayList<InvoiceReceived.Charge>();
        for (Segment sac : tx.all("SAC")) {
            BigDecimal amount = reads.cents(sac, 5);
            if (amount == null) {
                continue;
            }
            boolean allowance = "A".equals(sac.get(1));
            ChargeCode code = sac.get(2) == null ? ChargeCode.OTHER : SAC02.getOrDefault(sac.get(2), ChargeCode.OTHER);
            charges.add(new InvoiceReceived.Charge(code, sac.get(2), allowance ? amount.negate() : amount));
        }
        for (Segment txi : tx.all("TXI")) {
            BigDecimal amount = reads.decimal(txi, 2);
            if (amount != null) {
                charges.add(new InvoiceReceived.Charge(ChargeCode.TAX, txi.get(1), amount));
            }
        }
        return List.of(new InvoiceReceived(
                invoiceNumber,
                InvoiceReceived.Kind.GOODS,
                invoiceDate,
                currency,
                total,
                List.copyOf(poNumbers),
                null,
                new InvoiceReceived.References(null, null, null),
                lines,
                charges,
                purpose(big == null ? null : big.get(7)),
                Notes.x12(header)));
    }

    /** BIG07 (transaction type, element 640): CR credit memo, DR debit memo; anything else bills. */
    static InvoiceReceived.Purpose purpose(String code) {
        if ("CR".equals(code)) {
            return InvoiceReceived.Purpose.CREDIT;
        }
        return "DR".equals(code) ? InvoiceReceived.Purpose.DEBIT : InvoiceReceived.Purpose.INVOICE;
    }
}
