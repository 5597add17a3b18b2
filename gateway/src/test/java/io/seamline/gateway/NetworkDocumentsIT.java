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
import java.util.Map;
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

        JsonNode invoice = process("swift:swift", airFreightInvoice(po, awb));
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
        process("acme:acme", shipNotice(po, "10"));
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
    void anInvoiceAbovePoPriceIsAnExceptionWithTheDifferenceProposedAsADeduction() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);
        byte[] dearer = new String(eInvoice("story.ubl.xml", po, "DEAR-" + po), java.nio.charset.StandardCharsets.UTF_8)
                .replace(">2.50<", ">3.00<")
                .replace(">25.00<", ">30.00<")
                .replace(">4.75<", ">5.70<")
                .replace(">29.75<", ">35.70<")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        accepted(postInvoice("acme:acme", "application/xml", dearer));

        openTask("INVOICE_EXCEPTION", "po/" + po);
        JsonNode deduction = openTask("DEDUCTION", "po/" + po);
        assertThat(deduction.path("context").path("reasonCode").asText()).isEqualTo("PRICE");
        assertThat(deduction.path("context").path("amount").asText()).isEqualTo("5");
        assertThat(deduction
                        .path("context")
                        .path("evidence")
                        .path("lines")
                        .get(0)
                        .path("poUnitPrice")
                        .asText())
                .isEqualTo("2.5");
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
    void aFacturXPdfUploadedInThePortalIsTheSuppliersInvoice() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);

        var uploaded = PortalSession.signIn(port, "acme", "acme")
                .upload("/portal/invoices/upload", "ZF-P-" + po + ".pdf", facturXInvoice(po, "ZF-P-" + po));
        assertThat(uploaded.statusCode()).isIn(200, 302);

        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("ZF-P-" + po)));
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

    private JsonNode openTask(String kind, String subject) {
        var found = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode items = json(get("/api/v1/tasks?status=OPEN&kind=" + kind + "&subject=" + subject, OPS))
                    .path("items");
            if (items.size() == 1) {
                found.set(items.get(0));
                return true;
            }
            return false;
        });
        return found.get();
    }

    private JsonNode decide(JsonNode task, String decision) {
        var response = post(
                "/api/v1/tasks/" + task.path("id").asText() + "/decision",
                OPS,
                "{\"decision\": \"" + decision + "\", \"comment\": \"checked the evidence\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> receipt(String id, String po, String shipmentId, String lines) {
        return post(
                "/api/v1/erp/receipts",
                "erp:erp",
                """
                {"receiptId": "%s", "poNumber": "%s", "receivedAt": "%s", %s "lines": %s}
                """
                        .formatted(
                                id,
                                po,
                                today(),
                                shipmentId == null ? "" : "\"shipmentId\": \"" + shipmentId + "\",",
                                lines));
    }

    @Test
    void aReceiptShortOfTheShipNoticeBecomesADeductionSentAsAn812AndDisputed() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);

        // 8 of the 10 shipped arrived, 1 of them damaged
        var received = receipt(
                "GR-" + po,
                po,
                null,
                "[{\"lineNumber\": \"1\", \"quantity\": 8, \"rejectedQuantity\": 1, \"reason\": \"damaged\"}]");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(json(received).path("receipts").path("GR-" + po).asText()).isEqualTo("CREATED");
        assertThat(json(get("/api/v1/purchase-orders/" + po, OPS))
                        .path("lines")
                        .get(0)
                        .path("receivedQuantity")
                        .decimalValue())
                .isEqualByComparingTo("7");
        // the same receipt again changes nothing and asks nobody twice
        assertThat(json(receipt(
                                "GR-" + po,
                                po,
                                null,
                                "[{\"lineNumber\": \"1\", \"quantity\": 8, \"rejectedQuantity\": 1,"
                                        + " \"reason\": \"damaged\"}]"))
                        .path("receipts")
                        .path("GR-" + po)
                        .asText())
                .isEqualTo("UNCHANGED");

        // 2 missing and 1 rejected at 2.50: a deduction of 7.50 for a person, with its evidence
        JsonNode task = openTask("DEDUCTION", "po/" + po);
        assertThat(task.path("context").path("amount").asText()).isEqualTo("7.5");
        assertThat(task.path("context").path("reasonCode").asText()).isEqualTo("SHORT");
        assertThat(task.path("context").path("evidence").path("receiptId").asText())
                .isEqualTo("GR-" + po);
        String number = task.path("context").path("number").asText();
        // nothing reaches the supplier before a person approves
        assertThat(json(get("/api/v1/deductions/" + number, "acme:acme"))
                        .path("status")
                        .asText())
                .isEqualTo("PROPOSED");

        // approved: an 812 names the deduction, its reason and its evidence; the ERP keeps the amount back
        JsonNode decided = decide(task, "APPROVE");
        String debit = decided.path("responses").get(0).asText();
        assertThat(json(get("/api/v1/messages/" + debit, OPS))
                        .path("documentType")
                        .asText())
                .isEqualTo("812");
        assertThat(get("/api/v1/messages/" + debit + "/raw", OPS).body())
                .contains("ST*812", "BCD*", number, "*7.5*D", "CDD*SHORT", "REF*PO*" + po, "receipt GR-" + po);
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"deduction.approved\"") && r.body().contains(number)));

        // another supplier neither sees nor disputes it
        assertThat(get("/api/v1/deductions/" + number, "bright:bright").statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/deductions/" + number + "/dispute", "bright:bright", "{\"reason\": \"not ours\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(get("/api/v1/deductions", "bright:bright")).toString()).doesNotContain(number);
        assertThat(json(get("/api/v1/deductions", "acme:acme")).toString()).contains(number);

        // in the portal, acme sees it with a dispute form; bright neither sees nor disputes it
        PortalSession acme = PortalSession.signIn(port, "acme", "acme");
        assertThat(acme.get("/portal/payments").body()).contains(number, "Dispute", "receipt GR-" + po);
        PortalSession bright = PortalSession.signIn(port, "bright", "bright");
        assertThat(bright.get("/portal/payments").body()).doesNotContain(number);
        assertThat(bright.post(
                                "/portal/payments/deductions/" + number + "/dispute",
                                Map.of("reason", "not ours to dispute"))
                        .statusCode())
                .isEqualTo(404);

        // acme disputes it: back to a person, with a deadline
        var disputed = post(
                "/api/v1/deductions/" + number + "/dispute",
                "acme:acme",
                "{\"reason\": \"we shipped 10 and hold a signed proof of delivery\"}");
        assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(202);
        JsonNode disputeMessage = awaitEnd(json(disputed).path("messageId").asText());
        assertThat(disputeMessage.path("status").asText()).isEqualTo("PROCESSED");
        JsonNode dispute = openTask("DEDUCTION_DISPUTE", "po/" + po);
        assertThat(dispute.path("dueAt").asText()).isNotBlank();
        assertThat(dispute.path("context").path("reason").asText()).contains("signed proof of delivery");
        assertThat(json(get("/api/v1/deductions/" + number, "acme:acme"))
                        .path("status")
                        .asText())
                .isEqualTo("DISPUTED");

        // reversed: the supplier hears so, and the ERP pays it back
        decide(dispute, "REJECT");
        assertThat(json(get("/api/v1/deductions/" + number, OPS)).path("status").asText())
                .isEqualTo("REVERSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"deduction.reversed\"") && r.body().contains(number)));
    }

    @Test
    void aBreachWhoseAgreementNamesAChargeIsAProposedDeduction() {
        String partner = "cb-" + UUID.randomUUID().toString().substring(0, 8);
        var created = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Chargeback Supplies", "role": "SUPPLIER", "state": "LIVE",
                 "stateReason": "moved from our old gateway", "channels": [{"kind": "PORTAL"}],
                 "sla": {"po.acknowledgement.hours": "0.0005", "po.acknowledgement.chargeback": "150.00",
                         "chargeback.currency": "EUR", "calendar.weekend": ""}}
                """
                        .formatted(partner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String po = number();
        importOrder(po, partner);

        // the acknowledgement is not sent in time: the agreed charge is proposed, its evidence the SLA's pack
        JsonNode task = openTask("DEDUCTION", "po/" + po);
        assertThat(task.path("context").path("reasonCode").asText()).isEqualTo("SLA");
        assertThat(task.path("context").path("amount").asText()).isEqualTo("150");
        assertThat(task.path("context").path("currency").asText()).isEqualTo("EUR");
        assertThat(task.path("context").path("evidence").path("evidencePack").asText())
                .startsWith("/api/v1/sla/expectations/");
        // withdrawn, the partner never hears of it
        decide(task, "REJECT");
        assertThat(json(get(
                                "/api/v1/deductions/"
                                        + task.path("context").path("number").asText(),
                                OPS))
                        .path("status")
                        .asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aPaymentIsRemittedToTheSupplierOnceWithItsDeductions() {
        String po = number();
        importOrder(po, "acme-supply");
        shipTen(po);
        process(
                "acme:acme",
                x12(
                        "ZZ",
                        "ACMESUPPLY",
                        "IN",
                        control(),
                        "810",
                        "BIG*" + edi(today()) + "*INV-" + po + "*" + edi(today()) + "*" + po,
                        "CUR*SE*USD",
                        "IT1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                        "TDS*2500",
                        "CTT*1"));
        String payment =
                """
                {"paymentId": "PAY-%s", "partnerId": "acme-supply", "paidAt": "%s", "currency": "USD",
                 "amount": 22.50, "invoices": [{"invoiceNumber": "INV-%s", "amount": 22.50,
                   "deductions": [{"amount": 2.50, "reasonCode": "CS", "note": "one unit damaged on receipt"}]}]}
                """
                        .formatted(po, today(), po);

        var paid = post("/api/v1/erp/payments", "erp:erp", payment);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        String advice = json(paid).path("remittanceAdvices").path("PAY-" + po).asText();
        assertThat(get("/api/v1/messages/" + advice + "/raw", OPS).body())
                .contains("ST*820", "TRN*1*PAY-" + po, "RMR*IV*INV-" + po, "ADX*-2.5*CS", "one unit damaged");
        assertThat(json(get("/api/v1/purchase-orders/" + po + "/timeline", "acme:acme"))
                        .toString())
                .contains("INV-" + po + " paid 22.5");

        // sent again, nothing changes and the supplier is not told twice
        var again = post("/api/v1/erp/payments", "erp:erp", payment);
        assertThat(json(again).path("payments").path("PAY-" + po).asText()).isEqualTo("UNCHANGED");
        assertThat(json(again).path("remittanceAdvices").size()).isZero();
        // each partner sees its own payments
        assertThat(json(get("/api/v1/payments", "acme:acme")).toString()).contains("PAY-" + po);
        assertThat(json(get("/api/v1/payments", "bright:bright")).toString()).doesNotContain("PAY-" + po);

        // what does not add up, or names a partner we do not know, is refused whole
        var wrong = post(
                "/api/v1/erp/payments",
                "erp:erp",
                payment.replace("\"amount\": 22.50, \"invoices\"", "\"amount\": 99.00, \"invoices\""));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("add up to 22.50");
        var unknown = post(
                "/api/v1/erp/payments",
                "erp:erp",
                payment.replace("acme-supply", "nobody-we-know").replace("PAY-" + po, "PAY-X-" + po));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown partner");
        // the ERP's role, not a partner's
        assertThat(post("/api/v1/erp/payments", "acme:acme", payment).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anOceanLegIsBookedWithItsForwarderAndAChangedConfirmationGoesToAPerson() {
        String po = number();
        importOrder(po, "acme-supply");
        String asked = "SH-BK-" + po;
        String changed = "SH-BC-" + po;
        for (String shipment : new String[] {asked, changed}) {
            var imported = post(
                    "/api/v1/erp/shipments",
                    "erp:erp",
                    """
                    {"shipmentId": "%s", "carrierId": "swift-freight", "poNumbers": ["%s"],
                     "plannedDelivery": "%s",
                     "route": {"portOfLoading": "CNSHA", "portOfDischarge": "DEHAM", "plannedDeparture": "%s"}}
                    """
                            .formatted(shipment, po, today().plusDays(30), today().plusDays(5)));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        }
        // the bookings went out as 300s
        await().atMost(Duration.ofSeconds(10))
                .until(() -> json(get("/api/v1/messages?partnerId=swift-freight&direction=OUTBOUND&limit=500", OPS))
                                .path("items")
                                .findValuesAsText("documentType")
                                .stream()
                                .filter("300"::equals)
                                .count()
                        >= 2);

        // confirmed as asked: BOOKED, with the booking number and container on the shipment
        JsonNode confirmed = process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "RO",
                        control(),
                        "301",
                        "B1*SWFT*BK-" + po + "*" + edi(today()) + "*A",
                        "N9*SI*" + asked,
                        "V1*9811000*NORTHERN STAR**114E",
                        "R4*L*UN*CNSHA*SHANGHAI*CN",
                        "DTM*139*" + edi(today().plusDays(5)) + "*0600",
                        "R4*D*UN*DEHAM*HAMBURG*DE",
                        "DTM*139*" + edi(today().plusDays(28)) + "*0800",
                        "N7*MSKU*4820195"));
        assertThat(confirmed.path("status").asText()).isEqualTo("PROCESSED");
        JsonNode booked = shipment(asked);
        assertThat(booked.path("status").asText()).isEqualTo("BOOKED");
        assertThat(booked.path("references").path("booking").asText()).isEqualTo("BK-" + po);
        assertThat(booked.path("references").path("container").asText()).isEqualTo("MSKU4820195");

        // confirmed to another port and ten days late: a person decides
        process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "RO",
                        control(),
                        "301",
                        "B1*SWFT*BC-" + po + "*" + edi(today()) + "*A",
                        "N9*SI*" + changed,
                        "R4*L*UN*CNNGB*NINGBO*CN",
                        "DTM*139*" + edi(today().plusDays(15)) + "*0600",
                        "R4*D*UN*DEHAM*HAMBURG*DE",
                        "DTM*139*" + edi(today().plusDays(40)) + "*0800"));
        JsonNode task = openTask("BOOKING_CHANGE", "shipment/" + changed);
        assertThat(task.path("context").path("changes").toString())
                .contains("port of loading CNNGB instead of CNSHA", "ETD", "ETA");
        assertThat(shipment(changed).path("status").asText()).isNotEqualTo("BOOKED");
    }
}
