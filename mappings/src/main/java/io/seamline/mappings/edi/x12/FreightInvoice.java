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
 * A carrier's freight invoice → {@code invoice.received} (FREIGHT): 210 (motor), 310 (ocean) and 110 (air) share
 * their shape. B3 (invoice number, shipment id, billing date, net amount due in cents, SCAC), C3 currency, N9
 * references (BM bill of lading, CN PRO, BN booking, AW air waybill, EQ container, PO), the container of an N7, and an
 * L1 charge per line with its special charge code (400 freight, FUE fuel, DET detention, LFT liftgate).
 */
final class FreightInvoice implements SetMapper {

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
        return List.of("210", "310", "110");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b3 = reads.required(tx.first("B3"), "B3", tx.segments().get(0));
        String invoiceNumber = reads.required(b3, 2);
        BigDecimal netDue = reads.cents(b3, 7);
        reads.required(b3, 7);
        String currency = tx.first("C3").map(c -> c.get(1)).orElse("USD");
        var refs = new java.util.HashMap<String, String>();
        var poNumbers = new ArrayList<String>();
        for (Segment n9 : tx.all("N9")) {
            String q = n9.get(1);
            String v = n9.get(2);
            if (v == null || q == null) {
                continue;
            }
            switch (q) {
                case "BM" -> refs.putIfAbsent("bol", v);
                case "CN", "PRO" -> refs.putIfAbsent("pro", v);
                case "BN" -> refs.putIfAbsent("booking", v);
                case "AW" -> refs.putIfAbsent("awb", v);
                case "EQ" -> refs.putIfAbsent("container", v.replaceAll("[^A-Za-z0-9]", ""));
                case "PO" -> {
                    if (!poNumbers.contains(v)) {
                        poNumbers.add(v);
                    }
                }
                default -> {}
            }
        }
        tx.first("N7", n7 -> n7.get(2) != null)
                .ifPresent(n7 -> refs.putIfAbsent(
                        "container",
                        (n7.get(1) == null ? "" : n7.get(1).trim()) + n7.get(2).trim()));
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
                new InvoiceReceived.References(
                        refs.get("bol"),
                        refs.get("pro"),
                        b3 == null ? null : b3.get(3),
                        refs.get("container"),
                        refs.get("booking"),
                        refs.get("awb")),
                List.of(),
                charges));
    }
}
