package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 210 Motor Carrier Freight Details and Invoice → {@code invoice.received} (FREIGHT): B3 (invoice number, shipment
 * id, billing date, net amount due in cents, SCAC), C3 currency, N9 references (BM bill of lading, CN PRO, PO), and
 * an L1 charge per line with its special charge code (400 freight, FUE fuel, DET detention, LFT liftgate).
 */
final class FreightInvoice210 implements SetMapper {

    static final Map<String, ChargeCode> L108 = Map.of(
            "400", ChargeCode.FREIGHT,
            "FUE", ChargeCode.FUEL_SURCHARGE,
            "DET", ChargeCode.DETENTION,
            "LFT", ChargeCode.LIFTGATE);

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("210");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b3 = reads.required(tx.first("B3"), "B3", tx.segments().get(0));
        String invoiceNumber = reads.required(b3, 2);
        BigDecimal netDue = reads.cents(b3, 7);
        reads.required(b3, 7);
        String currency = tx.first("C3").map(c -> c.get(1)).orElse("USD");
        String bol = null;
        String pro = null;
        var poNumbers = new ArrayList<String>();
        for (Segment n9 : tx.all("N9")) {
            String q = n9.get(1);
            String v = n9.get(2);
            if (v == null) {
                continue;
            }
            if ("BM".equals(q) && bol == null) {
                bol = v;
            } else if (("CN".equals(q) || "PRO".equals(q)) && pro == null) {
                pro = v;
            } else if ("PO".equals(q) && !poNumbers.contains(v)) {
                poNumbers.add(v);
            }
        }
        var charges = new ArrayList<InvoiceReceived.Charge>();
        for (Segment l1 : tx.all("L1")) {
            BigDecimal amount = reads.cents(l1, 4);
            if (amount == null) {
                continue;
            }
            String special = l1.get(8);
            ChargeCode code = special == null
                    ? ChargeCode.FREIGHT
                    : reads.codeOr("L108", special, L108, ChargeCode.class, ChargeCode.ACCESSORIAL);
            charges.add(new InvoiceReceived.Charge(code, special, amount));
        }
        return List.of(new InvoiceReceived(
                invoiceNumber,
                InvoiceReceived.Kind.FREIGHT,
                reads.date(b3, 6),
                currency,
                netDue,
                poNumbers,
                b3 == null ? null : b3.get(11),
                new InvoiceReceived.References(bol, pro, b3 == null ? null : b3.get(3)),
                List.of(),
                charges));
    }
}
