package io.seamline.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code invoice.received}: a goods or freight invoice (810, 210, INVOIC, portal, API, email); {@code purpose} says
 * whether it bills (INVOICE), credits (a credit note: 810 BIG07 CR, INVOIC BGM 381) or debits more (DEBIT: BIG07 DR,
 * BGM 383). Amounts stay as sent.
 */
public record InvoiceReceived(
        String invoiceNumber,
        Kind kind,
        LocalDate invoiceDate,
        String currency,
        BigDecimal total,
        List<String> poNumbers,
        String carrierScac,
        References references,
        List<Line> lines,
        List<Charge> charges,
        Purpose purpose,
        String note)
        implements EventData {

    public static final String TYPE = EventData.type("invoice.received");

    public InvoiceReceived {
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
        references = references == null ? new References(null, null, null) : references;
        lines = List.copyOf(lines == null ? List.of() : lines);
        charges = List.copyOf(charges == null ? List.of() : charges);
        purpose = purpose == null ? Purpose.INVOICE : purpose;
    }

    /** An invoice, credit or debit note without free text. */
    public InvoiceReceived(
            String invoiceNumber,
            Kind kind,
            LocalDate invoiceDate,
            String currency,
            BigDecimal total,
            List<String> poNumbers,
            String carrierScac,
            References references,
            List<Line> lines,
            List<Charge> charges,
            Purpose purpose) {
        this(
                invoiceNumber,
                kind,
                invoiceDate,
                currency,
                total,
                poNumbers,
                carrierScac,
                references,
                lines,
                charges,
                purpose,
                null);
    }

    /** An invoice that bills. */
    public InvoiceReceived(
            String invoiceNumber,
            Kind kind,
            LocalDate invoiceDate,
            String currency,
            BigDecimal total,
            List<String> poNumbers,
            String carrierScac,
            References references,
            List<Line> lines,
            List<Charge> charges) {
        this(
                invoiceNumber,
                kind,
                invoiceDate,
                currency,
                total,
                poNumbers,
                carrierScac,
                references,
                lines,
                charges,
                Purpose.INVOICE);
    }

    /** What the document does to what is owed. */
    public enum Purpose {
        INVOICE,
        CREDIT,
        DEBIT
    }

    public enum Kind {
        GOODS,
        FREIGHT
    }

    public enum ChargeCode {
        FREIGHT,
        FUEL_SURCHARGE,
        DETENTION,
        LIFTGATE,
        ACCESSORIAL,
        DUTY,
        TAX,
        OTHER
    }

    /** The shipment's numbers a freight invoice names: bill of lading, PRO, our id, container, booking, air waybill. */
    public record References(String bol, String pro, String shipmentId, String container, String booking, String awb) {

        public References(String bol, String pro, String shipmentId) {
            this(bol, pro, shipmentId, null, null, null);
        }
    }

    public record Line(
            String lineNumber,
            String poNumber,
            String poLine,
            String itemId,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal amount,
            String partnerItemId,
            List<ItemId> itemIds,
            String note) {

        public Line {
            itemIds = ItemId.copy(itemIds);
        }

        public Line(
                String lineNumber,
                String poNumber,
                String poLine,
                String itemId,
                BigDecimal quantity,
                BigDecimal unitPrice,
                BigDecimal amount,
                String partnerItemId) {
            this(lineNumber, poNumber, poLine, itemId, quantity, unitPrice, amount, partnerItemId, List.of(), null);
        }
    }

    public record Charge(ChargeCode code, String partnerCode, BigDecimal amount) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> purchaseOrders() {
        return PurchaseOrders.of(
                Stream.concat(poNumbers.stream(), lines.stream().map(Line::poNumber)));
    }

    @Override
    public String subject() {
        return invoiceNumber == null ? null : "invoice/" + invoiceNumber;
    }
}
