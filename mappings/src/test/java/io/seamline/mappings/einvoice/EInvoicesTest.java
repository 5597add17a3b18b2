package io.seamline.mappings.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.InvoiceReceived.ChargeCode;
import io.seamline.model.event.InvoiceReceived.Purpose;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

class EInvoicesTest {

    private static final Path PUBLIC = Path.of("src/test/resources/einvoice/public");

    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(PUBLIC.resolve(name));
    }

    private static InvoiceReceived valid(byte[] bytes) {
        Parsed<InvoiceReceived> read = EInvoices.read(bytes);
        assertThat(read).as(String.valueOf(read)).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<InvoiceReceived>) read).value();
    }

    private static String problems(byte[] bytes) {
        Parsed<InvoiceReceived> read = EInvoices.read(bytes);
        assertThat(read).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<InvoiceReceived>) read)
                .problems().stream().map(FieldProblem::toString).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aPeppolUblInvoiceBecomesTheCanonicalInvoiceWithItsLinesAndVat() throws IOException {
        byte[] ubl = file("mustang-EN16931_Einfach.ubl.xml");
        assertThat(EInvoices.detect(ubl)).contains(EInvoices.Syntax.UBL);
        InvoiceReceived invoice = valid(ubl);
        assertThat(invoice.invoiceNumber()).isEqualTo("471102");
        assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.of(2018, 3, 5));
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.total()).isEqualByComparingTo("529.87");
        assertThat(invoice.purpose()).isEqualTo(Purpose.INVOICE);
        assertThat(invoice.kind()).isEqualTo(InvoiceReceived.Kind.GOODS);
        assertThat(invoice.lines()).hasSize(2);
        assertThat(invoice.lines().get(0).quantity()).isEqualByComparingTo("20");
        assertThat(invoice.lines().get(0).unitPrice()).isEqualByComparingTo("9.9");
        assertThat(invoice.lines().get(0).amount()).isEqualByComparingTo("198");
        assertThat(invoice.lines().get(0).partnerItemId()).isEqualTo("TB100A4");
        assertThat(invoice.charges())
                .filteredOn(c -> c.code() == ChargeCode.TAX)
                .singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("56.87"));
    }

    @Test
    void anXRechnungCiiInvoiceKeepsTheOrderLineItBills() throws IOException {
        byte[] cii = file("mustang-01.01a-INVOICE.cii.xml");
        assertThat(EInvoices.detect(cii)).contains(EInvoices.Syntax.CII);
        InvoiceReceived invoice = valid(cii);
        assertThat(invoice.invoiceNumber()).isEqualTo("123456XX");
        assertThat(invoice.total()).isEqualByComparingTo("336.90");
        assertThat(invoice.lines().get(0).poLine()).isEqualTo("6171175.1");
        assertThat(invoice.lines().get(0).partnerItemId()).isEqualTo("246");
        assertThat(invoice.note()).contains("Allgem. Geschäftsbedingungen");
    }

    @Test
    void theOrderAndItsLineAreWhereBothSyntaxesPutThem() throws IOException {
        for (String name : new String[] {"story.ubl.xml", "story.cii.xml"}) {
            InvoiceReceived invoice = valid(Files.readAllBytes(Path.of("src/test/resources/einvoice", name)));
            assertThat(invoice.poNumbers()).as(name).hasSize(1);
            assertThat(invoice.lines()).as(name).singleElement().satisfies(line -> {
                assertThat(line.poNumber()).isEqualTo(invoice.poNumbers().get(0));
                assertThat(line.poLine()).isEqualTo("1");
                assertThat(line.itemId()).isEqualTo("WID-100");
                assertThat(line.partnerItemId()).isEqualTo("AC-W100");
                assertThat(line.quantity()).isEqualByComparingTo("10");
                assertThat(line.unitPrice()).isEqualByComparingTo("2.50");
            });
            assertThat(invoice.total()).as(name).isEqualByComparingTo("29.75");
        }
    }

    @Test
    void aUblCreditNoteIsACreditCheckedAgainstTheCreditNoteSchema() throws IOException {
        String ubl = Files.readString(Path.of("src/test/resources/einvoice/story.ubl.xml"))
                .replace(
                        "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
                        "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"")
                .replace("</Invoice>", "</CreditNote>")
                .replace(
                        "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
                        "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .replace("cac:InvoiceLine>", "cac:CreditNoteLine>")
                .replace("cbc:InvoicedQuantity", "cbc:CreditedQuantity");
        byte[] credit = ubl.getBytes(StandardCharsets.UTF_8);
        assertThat(EInvoices.detect(credit)).contains(EInvoices.Syntax.UBL);
        InvoiceReceived invoice = valid(credit);
        assertThat(invoice.purpose()).isEqualTo(Purpose.CREDIT);
        assertThat(invoice.lines()).singleElement().satisfies(l -> assertThat(l.quantity())
                .isEqualByComparingTo("10"));
        // an invoice's element in a credit note is what the credit note schema refuses
        assertThat(problems(ubl.replace("cbc:CreditedQuantity", "cbc:InvoicedQuantity")
                        .getBytes(StandardCharsets.UTF_8)))
                .contains("UBL schema");
    }

    @Test
    void aCiiCreditNoteIsACredit() throws IOException {
        String cii = Files.readString(PUBLIC.resolve("mustang-01.01a-INVOICE.cii.xml"))
                .replace("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>381</ram:TypeCode>");
        assertThat(valid(cii.getBytes(StandardCharsets.UTF_8)).purpose()).isEqualTo(Purpose.CREDIT);
    }

    @Test
    void aFacturXPdfIsReadFromTheInvoiceAttachedToIt() throws IOException {
        byte[] cii = file("mustang-01.01a-INVOICE.cii.xml");
        byte[] pdf = facturX(cii);
        assertThat(EInvoices.detect(pdf)).contains(EInvoices.Syntax.PDF);
        assertThat(valid(pdf)).isEqualTo(valid(cii));
    }

    @Test
    void aPdfWithoutAnInvoiceIsNoEInvoiceAndSaysSoWhenReadAsOne() throws IOException {
        // a proof of delivery in PDF stays a document of its own
        assertThat(EInvoices.detect(blankPdf())).isEmpty();
        assertThat(EInvoices.detect("%PDF-1.4 signed".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(problems(blankPdf())).contains("carries no ZUGFeRD / Factur-X invoice");
    }

    @Test
    void totalsThatDoNotAddUpAreRefusedWithTheirFigures() throws IOException {
        String cii = Files.readString(PUBLIC.resolve("mustang-01.01a-INVOICE.cii.xml"))
                .replace("<ram:GrandTotalAmount>336.9<", "<ram:GrandTotalAmount>999.9<")
                .replace("<ram:DuePayableAmount>336.9<", "<ram:DuePayableAmount>999.9<");
        assertThat(problems(cii.getBytes(StandardCharsets.UTF_8)))
                .contains("EN 16931 calculation")
                .contains("999.90")
                .contains("336.90");
    }

    @Test
    void anElementTheSchemaDoesNotKnowIsASchemaError() throws IOException {
        String ubl = Files.readString(PUBLIC.resolve("mustang-EN16931_Einfach.ubl.xml"))
                .replace("<cbc:IssueDate>", "<cbc:Surprise>1</cbc:Surprise><cbc:IssueDate>");
        assertThat(problems(ubl.getBytes(StandardCharsets.UTF_8)))
                .contains("UBL schema")
                .contains("line ");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyParserResolvesIt() throws IOException {
        String ubl = Files.readString(PUBLIC.resolve("mustang-EN16931_Einfach.ubl.xml"))
                .replace(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM"
                                + " \"file:///etc/passwd\">]>")
                .replace("<cbc:ID>471102</cbc:ID>", "<cbc:ID>&x;</cbc:ID>");
        assertThat(problems(ubl.getBytes(StandardCharsets.UTF_8)))
                .contains("DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void otherDocumentsAreNoEInvoice() {
        assertThat(EInvoices.detect("ISA*00*".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EInvoices.detect("<order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EInvoices.detect("{\"invoiceNumber\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(problems("<order/>".getBytes(StandardCharsets.UTF_8))).contains("not an e-invoice");
    }

    static byte[] blankPdf() throws IOException {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            page.setResources(new PDResources());
            document.addPage(page);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A Factur-X PDF as a supplier's software makes one: the CII attached to the PDF by Mustang. */
    static byte[] facturX(byte[] cii) throws IOException {
        try (var exporter = new ZUGFeRDExporterFromA3()
                        .ignorePDFAErrors()
                        .load(blankPdf())
                        .setProducer("Seamline test")
                        .setCreator("Seamline test")
                        .setProfile("EN16931");
                var out = new ByteArrayOutputStream()) {
            exporter.setXML(cii);
            exporter.export(out);
            return out.toByteArray();
        }
    }
}
