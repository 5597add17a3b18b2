package io.seamline.mappings.einvoice;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.ubl21.UBL21Marshaller;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.Charge;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.event.InvoiceReceived.Purpose;
import io.seamline.model.event.ItemId;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.IZUGFeRDExportableItem;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

/**
 * EU e-invoices (EN 16931) into the canonical {@code invoice.received}: UBL 2.1 (Peppol BIS Billing 3.0, XRechnung
 * UBL), UN/CEFACT CII D16B (XRechnung CII, Factur-X / ZUGFeRD 2 XML), and ZUGFeRD / Factur-X PDFs with the CII
 * attached to the PDF/A-3. The syntax is checked against its schema (ph-ubl, ph-cii); Mustang reads every syntax
 * into one model and recomputes the invoice (lines, allowances, charges, VAT, totals: EN 16931's calculation rules);
 * the business terms the gateway needs (BT-1 number, BT-2 date, BT-5 currency, at least one line) are required.
 * What is wrong is said with the rule or element, never a stack trace. A DOCTYPE is refused: no e-invoice has one,
 * and it is how XML entity attacks come.
 */
public final class EInvoices {

    /** The e-invoice syntaxes Seamline reads. */
    public enum Syntax {
        UBL,
        CII,
        ZUGFERD_1,
        PDF
    }

    static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String ZUGFERD_1 = "urn:ferd:CrossIndustryDocument:invoice:1p0";

    private EInvoices() {}

    /**
     * What the bytes are when they are an e-invoice (by their root element; a PDF only when it carries an invoice),
     * else empty: a proof of delivery or a packing list in PDF is no invoice.
     */
    public static Optional<Syntax> detect(byte[] bytes) {
        if (bytes == null || bytes.length < 5) {
            return Optional.empty();
        }
        if (isPdf(bytes)) {
            return attached(bytes)
                            .flatMap(xml -> root(xml).flatMap(EInvoices::syntaxOf))
                            .isPresent()
                    ? Optional.of(Syntax.PDF)
                    : Optional.empty();
        }
        return root(bytes).flatMap(EInvoices::syntaxOf);
    }

    /** The invoice XML a ZUGFeRD / Factur-X PDF carries, if it carries one. */
    private static Optional<byte[]> attached(byte[] pdf) {
        try {
            String utf8 = new ZUGFeRDInvoiceImporter(new ByteArrayInputStream(pdf)).getUTF8();
            return utf8 == null || utf8.isEmpty()
                    ? Optional.empty()
                    : Optional.of(utf8.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads an e-invoice: its event, or what is wrong with it. */
    public static Parsed<InvoiceReceived> read(byte[] bytes) {
        if (bytes != null && isPdf(bytes)) {
            return fromPdf(bytes);
        }
        Optional<Syntax> syntax = detect(bytes);
        if (syntax.isEmpty()) {
            return Parsed.invalid(
                    "document",
                    "not an e-invoice: a UBL Invoice or CreditNote, a CII CrossIndustryInvoice or a ZUGFeRD /"
                            + " Factur-X PDF");
        }
        return fromXml(bytes, syntax.get());
    }

    private static Parsed<InvoiceReceived> fromPdf(byte[] pdf) {
        byte[] xml;
        try {
            var importer = new ZUGFeRDInvoiceImporter(new ByteArrayInputStream(pdf));
            String utf8 = importer.getUTF8();
            xml = utf8 == null ? null : utf8.getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return Parsed.invalid("pdf", "the PDF cannot be read: " + message(e));
        }
        if (xml == null || xml.length == 0) {
            return Parsed.invalid(
                    "pdf",
                    "the PDF carries no ZUGFeRD / Factur-X invoice (no factur-x.xml, zugferd-invoice.xml or"
                            + " xrechnung.xml attached)");
        }
        Optional<Syntax> inside = root(xml).flatMap(EInvoices::syntaxOf);
        if (inside.isEmpty() || inside.get() == Syntax.PDF) {
            return Parsed.invalid("pdf", "the invoice attached to the PDF is not CII or UBL");
        }
        return fromXml(xml, inside.get());
    }

    private static Parsed<InvoiceReceived> fromXml(byte[] xml, Syntax syntax) {
        Optional<String> unsafe = unsafe(xml);
        if (unsafe.isPresent()) {
            return Parsed.invalid("xml", unsafe.get());
        }
        List<FieldProblem> problems = schemaProblems(xml, syntax);
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        Invoice invoice;
        TransactionCalculator totals;
        try {
            var importer = new ZUGFeRDInvoiceImporter();
            boolean creditNote = syntax == Syntax.UBL
                    && root(xml).map(Root::namespace).orElse("").equals(UBL_CREDIT_NOTE);
            importer.setRawXML(creditNote ? CreditNotes.asInvoice(xml) : xml);
            invoice = importer.extractInvoice();
            totals = new TransactionCalculator(invoice);
            totals.getGrandTotal();
        } catch (Exception e) {
            // Mustang recomputes the invoice: a total that does not add up is named with its figures
            return Parsed.invalid("invoice", "EN 16931 calculation: " + message(e));
        }
        return map(invoice, totals);
    }

    private static Parsed<InvoiceReceived> map(Invoice invoice, TransactionCalculator totals) {
        var problems = new ArrayList<FieldProblem>();
        String number = blankToNull(invoice.getNumber());
        if (number == null) {
            problems.add(new FieldProblem("BT-1", "the invoice number is missing"));
        }
        LocalDate issued = date(invoice.getIssueDate());
        if (issued == null) {
            problems.add(new FieldProblem("BT-2", "the issue date is missing"));
        }
        String currency = blankToNull(invoice.getCurrency());
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("BT-5", "the invoice currency is missing or not an ISO 4217 code"));
        }
        IZUGFeRDExportableItem[] items =
                invoice.getZFItems() == null ? new IZUGFeRDExportableItem[0] : invoice.getZFItems();
        if (items.length == 0) {
            problems.add(new FieldProblem("BG-25", "an invoice has at least one line (BR-16)"));
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        String po = blankToNull(invoice.getBuyerOrderReferencedDocumentID());
        var lines = new ArrayList<InvoiceReceived.Line>();
        for (int i = 0; i < items.length; i++) {
            lines.add(line(items[i], i, po));
        }
        BigDecimal grand = totals.getGrandTotal().setScale(2, RoundingMode.HALF_UP);
        var charges = new ArrayList<Charge>();
        BigDecimal tax = totals.getGrandTotal().subtract(totals.getTaxBasis());
        if (tax.signum() != 0) {
            charges.add(new Charge(ChargeCode.TAX, "VAT", tax.setScale(2, RoundingMode.HALF_UP)));
        }
        if (totals.getChargeTotal() != null && totals.getChargeTotal().signum() != 0) {
            charges.add(new Charge(ChargeCode.OTHER, "charges", totals.getChargeTotal()));
        }
        if (totals.getAllowanceTotal() != null && totals.getAllowanceTotal().signum() != 0) {
            charges.add(new Charge(
                    ChargeCode.OTHER, "allowances", totals.getAllowanceTotal().negate()));
        }
        var notes = new ArrayList<String>();
        if (invoice.getNotes() != null) {
            notes.addAll(Arrays.asList(invoice.getNotes()));
        }
        if (invoice.getNotesWithSubjectCode() != null) {
            invoice.getNotesWithSubjectCode().forEach(n -> notes.add(n.getContent()));
        }
        String note = blankToNull(notes.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .distinct()
                .collect(Collectors.joining(" / ")));
        return Parsed.valid(new InvoiceReceived(
                number,
                InvoiceReceived.Kind.GOODS,
                issued,
                currency,
                grand,
                po == null ? List.of() : List.of(po),
                null,
                null,
                lines,
                charges,
                purpose(invoice.getDocumentCode()),
                note));
    }

    private static InvoiceReceived.Line line(IZUGFeRDExportableItem item, int index, String po) {
        String id = item instanceof org.mustangproject.Item mustang ? blankToNull(mustang.getId()) : null;
        var product = item.getProduct();
        String buyers = product == null ? null : blankToNull(product.getBuyerAssignedID());
        String sellers = product == null ? null : blankToNull(product.getSellerAssignedID());
        var ids = new ArrayList<ItemId>();
        if (buyers != null) {
            ids.add(new ItemId("BP", buyers));
        }
        if (sellers != null) {
            ids.add(new ItemId("VP", sellers));
        }
        if (product != null && blankToNull(product.getGlobalID()) != null) {
            ids.add(new ItemId(
                    "0160".equals(product.getGlobalIDScheme()) ? "EN" : String.valueOf(product.getGlobalIDScheme()),
                    product.getGlobalID()));
        }
        BigDecimal quantity = item.getQuantity();
        BigDecimal price = item.getPrice();
        BigDecimal basis = item.getBasisQuantity();
        if (price != null && basis != null && basis.signum() > 0 && basis.compareTo(BigDecimal.ONE) != 0) {
            price = price.divide(basis, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        BigDecimal amount = quantity == null || price == null
                ? null
                : quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
        String lineNote = item.getNotes() == null
                ? null
                : blankToNull(Arrays.stream(item.getNotes())
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .collect(Collectors.joining(" / ")));
        return new InvoiceReceived.Line(
                id != null ? id : String.valueOf(index + 1),
                po,
                blankToNull(item.getBuyerOrderReferencedDocumentLineID()),
                buyers,
                quantity,
                price,
                amount,
                sellers,
                ids,
                lineNote);
    }

    /** UNTDID 1001: 381 is a credit note, 383 a debit note; the others (380, 384, 389, 326, …) bill. */
    static Purpose purpose(String typeCode) {
        if ("381".equals(typeCode) || "261".equals(typeCode) || "396".equals(typeCode)) {
            return Purpose.CREDIT;
        }
        return "383".equals(typeCode) ? Purpose.DEBIT : Purpose.INVOICE;
    }

    /** Every schema error of the document (UBL 2.1 or CII D16B), with its line and column. */
    private static List<FieldProblem> schemaProblems(byte[] xml, Syntax syntax) {
        var problems = new ArrayList<FieldProblem>();
        jakarta.xml.bind.ValidationEventHandler collect = event -> {
            if (event.getSeverity() != ValidationEvent.WARNING && problems.size() < 20) {
                var at = event.getLocator();
                problems.add(new FieldProblem(
                        at == null ? "xml" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
                        syntax + " schema: " + event.getMessage()));
            }
            return true;
        };
        Object read;
        switch (syntax) {
            case UBL -> {
                String ns = root(xml).map(Root::namespace).orElse("");
                read = ns.equals(UBL_CREDIT_NOTE)
                        ? UBL21Marshaller.creditNote()
                                .setValidationEventHandler(collect)
                                .read(xml)
                        : UBL21Marshaller.invoice()
                                .setValidationEventHandler(collect)
                                .read(xml);
            }
            case CII -> read = new CIID16BCrossIndustryInvoiceTypeMarshaller()
                    .setValidationEventHandler(collect)
                    .read(xml);
            default -> read = Boolean.TRUE; // ZUGFeRD 1's schema is Mustang's to know
        }
        if (read == null && problems.isEmpty()) {
            problems.add(new FieldProblem("xml", syntax + " schema: the document cannot be read"));
        }
        return problems;
    }

    record Root(String namespace, String name) {}

    private static Optional<Syntax> syntaxOf(Root root) {
        return switch (root.namespace()) {
            case UBL_INVOICE -> root.name().equals("Invoice") ? Optional.of(Syntax.UBL) : Optional.empty();
            case UBL_CREDIT_NOTE -> root.name().equals("CreditNote") ? Optional.of(Syntax.UBL) : Optional.empty();
            case CII -> root.name().equals("CrossIndustryInvoice") ? Optional.of(Syntax.CII) : Optional.empty();
            case ZUGFERD_1 -> Optional.of(Syntax.ZUGFERD_1);
            default -> Optional.empty();
        };
    }

    /** The root element, read without resolving anything (no DTD, no entities); nothing for what is no XML. */
    static Optional<Root> root(byte[] xml) {
        if (!startsLikeXml(xml)) {
            return Optional.empty(); // JSON, EDI, CSV: no parser is started for them
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    return Optional.of(new Root(ns == null ? "" : ns, reader.getLocalName()));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        } finally {
            close(reader);
        }
    }

    /** Why the XML is not safe to hand to a DOM parser, if it is not: a DOCTYPE (entities, external DTDs). */
    private static Optional<String> unsafe(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.of("a DOCTYPE is not allowed in an e-invoice");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return Optional.empty();
                }
            }
            return Optional.of("the XML has no root element");
        } catch (XMLStreamException e) {
            return Optional.of("not well-formed XML: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    /** Configured once: creating readers from it is safe from many threads. */
    private static final XMLInputFactory FACTORY = factory();

    /** The first byte after a byte-order mark and blanks opens a tag. */
    private static boolean startsLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that needs closing
            }
        }
    }

    /** Whether the bytes are a PDF (its header, after any leading blanks). */
    public static boolean isPdf(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && i < 16 && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return bytes.length - i >= 5
                && bytes[i] == '%'
                && bytes[i + 1] == 'P'
                && bytes[i + 2] == 'D'
                && bytes[i + 3] == 'F'
                && bytes[i + 4] == '-';
    }

    private static LocalDate date(Date date) {
        return date == null
                ? null
                : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
