package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * The rest of the network's documents end to end: an ocean shipment followed by its carrier's 315 milestones (a delay
 * beyond the need-by date, discharge, delivery) and billed by a 310 that names only the booking; an air shipment billed
 * by a 110 by its air waybill; EU e-invoices by the API as UBL and as a ZUGFeRD / Factur-X PDF, matched three ways
 * like any invoice, refused with their problems, and never reaching another supplier's PO.
 */
class NetworkDocumentsIT extends PipelineGatewayIT {

    /** The e-invoices of the stories (UBL and CII), with their PO and invoice numbers replaced per test. */
    private static final Path E_INVOICES = Path.of("../mappings/src/test/resources/einvoice");

    private static String number() {
        return "45" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    private static String control() {
        return String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    private void importShipment(String id, String po, String references, String freight) {
        var response = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "references": %s, "poNumbers": ["%s"],
                 "plannedDelivery": "%s", "expectedFreight": {"amount": %s, "currency": "USD"}}
                """
                        .formatted(id, references, po, today().plusDays(9), freight));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String oceanStatus(String control, String code, String container, String booking, String... more) {
        var segments = new java.util.ArrayList<String>();
        segments.add("315");
        segments.add("B4***" + code + "*" + edi(today()) + "*0630**" + container);
        segments.add("N9*BN*" + booking);
        segments.addAll(java.util.List.of(more));
        return x12("02", "SWFT", "QO", control, segments.toArray(String[]::new));
    }

    private JsonNode shipment(String id) {
        return json(get("/api/v1/shipments/" + id, OPS));
    }

    @Test
    void anOceanShipmentIsFollowedByItsMilestonesAndBilledByItsBooking() {
        String po = number();
        String shipment = "SH-OC-" + po;
        String booking = "BKG-" + po;
        importOrder(po, "acme-supply");
        importShipment(shipment, po, "{\"container\": \"MSKU4820195\", \"booking\": \"" + booking + "\"}", "4000.00");

        // departed from Shanghai; the container is written without its check digit, the ETA at Hamburg is 25 days out
        JsonNode departed = process(
                "swift:swift",
                oceanStatus(
                        control(),
                        "VD",
                        "MSKU*482019*L*45G1*CNSHA*UN",
                        booking,
                        "Q2*9811000*PA*" + edi(today()) + "******114E***L*NORTHERN STAR",
                        "R4*L*UN*CNSHA*SHANGHAI*CN",
                        "R4*E*UN*DEHAM*HAMBURG*DE",
                        "DTM*139*" + edi(today().plusDays(25)) + "*1200"));
        assertThat(departed.path("status").asText()).isEqualTo("PROCESSED");
        JsonNode status = departed.path("events").get(0).path("data");
        assertThat(status.path("milestone").asText()).isEqualTo("DEPARTED");
        assertThat(status.path("vessel").asText()).isEqualTo("NORTHERN STAR");
        assertThat(status.path("voyage").asText()).isEqualTo("114E");
        assertThat(status.path("references").path("container").asText()).isEqualTo("MSKU4820195");
        assertThat(status.path("location").path("unlocode").asText()).isEqualTo("CNSHA");
        assertThat(shipment(shipment).path("status").asText()).isEqualTo("IN_TRANSIT");
        // the ETA is after the need-by date: the shipment.delay policy asks a person
        assertThat(json(get("/api/v1/tasks?status=OPEN&kind=DELAY_IMPACT&subject=po/" + po, OPS))
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(get("/api/v1/shipments/" + shipment + "/timeline", OPS)).toString())
                .contains("DEPARTED", "NORTHERN STAR");

        // discharged at Rotterdam, then delivered: the shipment follows, and the delivery makes the freight invoice due
        assertThat(process("swift:swift", oceanStatus(control(), "UV", "MSKU*4820195", booking))
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        assertThat(shipment(shipment).path("status").asText()).isEqualTo("ARRIVED");
        process("swift:swift", oceanStatus(control(), "D", "MSKU*4820195", booking));
        assertThat(shipment(shipment).path("status").asText()).isEqualTo("DELIVERED");

        // the ocean freight invoice names only the booking: matched, inside tolerance, approved and written back
        JsonNode invoice = process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "IO",
                        control(),
                        "310",
                        "B3**OC-" + po + "**PP**" + edi(today()) + "*400000**" + edi(today()) + "*035*SWFT",
                        "C3*USD",
                        "N9*BN*" + booking,
                        "LX*1",
                        "L1*1*4000*FR*400000****400"));
        assertThat(invoice.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(invoice.path("events").get(0).path("data").path("kind").asText())
                .isEqualTo("FREIGHT");
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("OC-" + po)));
    }

    @Test
    void anAirFreightInvoiceIsMatchedByItsAirWaybill() {
        String po = number();
        String shipment = "SH-AIR-" + po;
        String awb = "176-" + po.substring(2);
        importOrder(po, "acme-supply");
        importShipment(shipment, po, "{\"awb\": \"" + awb + "\"}", "1375.50");

        JsonNode invoice = process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "IA",
                        control(),
                        "110",
                        "B3**AIR-" + po + "**PP**" + edi(today()) + "*137550**" + edi(today()) + "*035*SWFT",
                        "C3*USD",
                        "N9*AW*" + awb,
                        "LX*1",
                        "L1*1*1280*FR*128000",
                        "L1*2**FR*9550****FUE"));
        assertThat(invoice.path("status").asText()).isEqualTo("PROCESSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("AIR-" + po)));
    }

    private static byte[] eInvoice(String file, String po, String invoiceNumber) {
        try {
            String template = Files.readString(E_INVOICES.resolve(file));
            String from = file.startsWith("story.ubl") ? "4530000001" : "4530000002";
            String number = file.startsWith("story.ubl") ? "UBL-4530000001" : "ZF-4530000002";
            return template.replace(number, invoiceNumber)
                    .replace(from, po)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Factur-X PDF as a supplier's invoicing software makes one: the CII attached to a PDF by Mustang. */
    static byte[] facturX(byte[] cii) {
        try (var document = new PDDocument();
                var blank = new ByteArrayOutputStream();
                var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            page.setResources(new PDResources());
            document.addPage(page);
            document.save(blank);
            try (var exporter = new ZUGFeRDExporterFromA3()
                    .ignorePDFAErrors()
                    .load(blank.toByteArray())
                    .setProducer("Acme invoicing")
                    .setCreator("Acme invoicing")
                    .setProfile("EN16931")) {
                exporter.setXML(cii);
                exporter.export(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] facturXInvoice(String po, String invoiceNumber) {
        return facturX(eInvoice("story.cii.xml", po, invoiceNumber));
    }

    private HttpResponse<String> postInvoice(String user, String contentType, byte[] body) {
        return new GatewayClient(port).call("POST", "/api/v1/invoices", user, contentType, body);
    }

    private JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return awaitEnd(json(response).path("messageId").asText());
    }

    private void shipTen(String po) {
        process(
                "acme:acme",
                x12(
                        "ZZ",
                        "ACMESUPPLY",
                        "SH",
                        control(),
                        "856",
                        "BSN*00*ASN-" + po + "*" + edi(today()) + "*1400*0001",
                        "HL*1**S",
                        "HL*2*1*O",
                        "PRF*" + po,
                        "HL*3*2*I",
                        "LIN*1*BP*WID-100*VP*AC-W100",
                        "SN1**10*EA",
                        "CTT*3"));
    }

    @Test
    void aUblInvoiceByTheApiIsMatchedThreeWaysAndApproved() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);

        JsonNode message =
                accepted(postInvoice("acme:acme", "application/xml", eInvoice("story.ubl.xml", po, "UBL-" + po)));

        assertThat(message.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(message.path("format").asText()).isEqualTo("XML");
        JsonNode invoice = message.path("events").get(0).path("data");
        assertThat(invoice.path("invoiceNumber").asText()).isEqualTo("UBL-" + po);
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("29.75");
        assertThat(invoice.path("lines").get(0).path("poLine").asText()).isEqualTo("1");
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("UBL-" + po)));
        assertThat(json(get("/api/v1/purchase-orders/" + po, OPS))
                        .path("lines")
                        .get(0)
                        .path("invoicedQuantity")
                        .decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void aFacturXPdfByTheApiIsReadFromTheInvoiceInsideIt() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);

        JsonNode message = accepted(postInvoice("acme:acme", "application/pdf", facturXInvoice(po, "ZF-" + po)));

        assertThat(message.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(message.path("format").asText()).isEqualTo("PDF");
        assertThat(message.path("events")
                        .get(0)
                        .path("data")
                        .path("invoiceNumber")
                        .asText())
                .isEqualTo("ZF-" + po);
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("ZF-" + po)));
    }

    @Test
    void anEInvoiceThatDoesNotAddUpOrIsNoInvoiceIsRefusedWithItsProblems() {
        String po = number();
        importOrder(po, "acme-supply");
        byte[] wrongTotal = new String(
                        eInvoice("story.ubl.xml", po, "BAD-" + po), java.nio.charset.StandardCharsets.UTF_8)
                .replace(">29.75<", ">39.75<")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var refused = postInvoice("acme:acme", "application/xml", wrongTotal);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("EN 16931 calculation", "39.75", "29.75");
        assertThat(json(refused).path("messageStatus").asText()).isEqualTo("REJECTED");

        var notAnInvoice = postInvoice("acme:acme", "application/xml", "<order xmlns=\"urn:x\"/>".getBytes());
        assertThat(notAnInvoice.statusCode()).isEqualTo(400);
        assertThat(notAnInvoice.body()).contains("not an e-invoice");

        var blankPdf = postInvoice("acme:acme", "application/pdf", "%PDF-1.4 not really".getBytes());
        assertThat(blankPdf.statusCode()).isEqualTo(400);
        assertThat(blankPdf.body()).contains("PDF");
    }

    @Test
    void anEInvoiceNamingAnotherSuppliersPoReachesNothingOfIt() {
        String theirs = number();
        importOrder(theirs, "bright-textiles");

        JsonNode message =
                accepted(postInvoice("acme:acme", "application/xml", eInvoice("story.ubl.xml", theirs, "X-" + theirs)));

        // read, but matched to nothing of acme's: a person looks at it; bright-textiles' PO is untouched
        assertThat(json(get("/api/v1/purchase-orders/" + theirs, OPS))
                        .path("lines")
                        .get(0)
                        .path("invoicedQuantity")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertThat(json(get("/api/v1/tasks?status=OPEN&subject=po/" + theirs, OPS))
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(message.path("partnerId").asText()).isEqualTo("acme-supply");
        assertThat(json(get("/api/v1/purchase-orders/" + theirs + "/timeline", "bright:bright"))
                        .toString())
                .doesNotContain("X-" + theirs);
    }
}
