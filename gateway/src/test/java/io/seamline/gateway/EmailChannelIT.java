package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seamline.mappings.json.Json;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail channel against GreenMail, a real IMAP and SMTP server: partners' mails land in our mailbox, the
 * gateway reads them over IMAP, and its replies arrive over SMTP in the partners' threads.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class EmailChannelIT {

    static final Path DATA_DIR = GatewayClient.temporaryDataDir("seamline-email-it");
    static final GreenMail MAIL = start();
    static final String OPS = "ops:ops";
    private static final String ORDERS = "orders@seamline.example";
    private static final String OUR_MAIL_SERVER = "mx.seamline.test";
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @LocalServerPort
    int port;

    private static GreenMail start() {
        var mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(ORDERS, "orders", "secret");
        return mail;
    }

    @DynamicPropertySource
    static void email(DynamicPropertyRegistry registry) {
        registry.add("seamline.data-dir", DATA_DIR::toString);
        registry.add("seamline.email.from", () -> ORDERS);
        registry.add("seamline.email.smtp.host", () -> "127.0.0.1");
        registry.add("seamline.email.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("seamline.email.smtp.security", () -> "none");
        registry.add("seamline.email.mailboxes[0].name", () -> "shared");
        registry.add(
                "seamline.email.mailboxes[0].url",
                () -> "imap://127.0.0.1:" + MAIL.getImap().getPort());
        registry.add("seamline.email.mailboxes[0].username", () -> "orders");
        registry.add("seamline.email.mailboxes[0].password", () -> "secret");
        registry.add("seamline.email.mailboxes[0].delay", () -> "200ms");
        // our mail server vouches for senders in its Authentication-Results (the test mails carry them)
        registry.add("seamline.email.mailboxes[0].authserv-id", () -> OUR_MAIL_SERVER);
        registry.add("seamline.delivery.poll", () -> "200");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String number() {
        return "47" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    private HttpResponse<String> get(String path) {
        return new GatewayClient(port).call("GET", path, OPS, null, null);
    }

    private HttpResponse<String> post(String path, String user, String json) {
        return new GatewayClient(port)
                .call("POST", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private void importOrder(String po, String partner) {
        var response = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "%s", "currency": "GBP", "orderDate": "%s",
                 "lines": [{"lineNumber": "1", "itemId": "FAB-COT-200", "quantity": 1200, "unit": "MTR",
                            "unitPrice": 4.20, "needByDate": "%s"},
                           {"lineNumber": "2", "itemId": "FAB-POL-90", "quantity": 600, "unit": "MTR",
                            "unitPrice": 3.05, "needByDate": "%s"}]}
                """
                        .formatted(po, partner, today(), today().plusDays(25), today().plusDays(25)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Puts a raw mail into our mailbox, as the partner's mail server would. */
    private static void deliver(String raw) {
        try {
            var message = new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            MAIL.getUserManager().getUser("orders").deliver(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What our mail server writes on a mail it authenticated: DMARC passed for the From domain (a partner's mail
     * server signed it). Tests of spoofed mail write other results.
     */
    private static String vouchedFor(String from) {
        String domain = from.replaceAll(".*@([^>\\s]+).*", "$1");
        return "Authentication-Results: " + OUR_MAIL_SERVER + "; spf=pass smtp.mailfrom=" + domain + "; dkim=pass"
                + " header.d=" + domain + "; dmarc=pass header.from=" + domain + "\n";
    }

    private static String mail(String from, String subject, String messageId, String body) {
        return vouchedFor(from) + unauthenticatedMail(from, subject, messageId, body);
    }

    private static String unauthenticatedMail(String from, String subject, String messageId, String body) {
        return """
                From: %s
                To: %s
                Subject: %s
                Message-ID: %s
                Date: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """
                .formatted(from, ORDERS, subject, messageId, rfc822Now(), body);
    }

    private static String withAttachment(
            String from, String subject, String messageId, String body, String file, String type, byte[] content) {
        return vouchedFor(from)
                + """
                From: %s
                To: %s
                Subject: %s
                Message-ID: %s
                Date: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="PART"

                --PART
                Content-Type: text/plain; charset=UTF-8

                %s
                --PART
                Content-Type: %s; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --PART--
                """
                        .formatted(
                                from,
                                ORDERS,
                                subject,
                                messageId,
                                rfc822Now(),
                                body,
                                type,
                                file,
                                file,
                                Base64.getMimeEncoder().encodeToString(content));
    }

    private static String rfc822Now() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(ZoneOffset.UTC));
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@bright-textiles.example>";
    }

    private static List<MimeMessage> repliesTo(String domain, String inReplyTo) {
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(domain))
                .filter(m -> inReplyTo.equals(header(m, "In-Reply-To")))
                .toList();
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String raw(MimeMessage message) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode line(String po, int index) {
        return json(get("/api/v1/purchase-orders/" + po)).path("lines").get(index);
    }

    private int openTasks(String kind, String subject) {
        return json(get("/api/v1/tasks?status=OPEN&kind=" + kind + "&subject=" + subject))
                .path("total")
                .asInt();
    }

    @Test
    void erasingAPersonReplacesTheirMailsAndAddressesByAMarkerAndKeepsWhatTheirMailsDecided() throws Exception {
        String po = number();
        importOrder(po, "bright-textiles");
        String person = "erin.vale." + UUID.randomUUID().toString().substring(0, 6) + "@bright-textiles.example";
        String id = messageId();
        LocalDate promised = today().plusDays(27);
        deliver(mail(
                "Erin Vale <" + person + ">",
                "PO " + po,
                id,
                "Hello,\nPO " + po + " line 1 will ship " + promised.format(WRITTEN)
                        + ".\nErin Vale, +44 20 7946 0991"));
        await().atMost(Duration.ofSeconds(20)).until(() -> promised.toString()
                .equals(line(po, 0).path("promisedDate").asText()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !repliesTo("bright-textiles.example", id).isEmpty());
        // the person is also a partner's contact, and the address its sender identifier
        String contactPartner = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Erasable Supplies", "role": "SUPPLIER", "state": "LIVE", "stateReason": "test",
                 "identifiers": [{"scheme": "EMAIL", "value": "%s"}],
                 "channels": [{"kind": "EMAIL", "address": "%s"}]}
                """
                        .formatted(contactPartner, person, person));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        JsonNode mails = json(get("/api/v1/messages?partnerId=bright-textiles&limit=200"))
                .path("items");
        List<String> carrying = new java.util.ArrayList<>();
        for (JsonNode message : mails) {
            String raw = get("/api/v1/messages/" + message.path("id").asText() + "/raw")
                    .body();
            if (raw.toLowerCase(Locale.ROOT).contains(person)) {
                carrying.add(message.path("id").asText());
            }
        }
        assertThat(carrying).as("the mail in and our reply out").hasSizeGreaterThanOrEqualTo(2);

        var dryRun = post(
                "/api/v1/admin/erasures",
                OPS,
                "{\"email\": \"%s\", \"reason\": \"GDPR request 2026-114\"}".formatted(person));
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(json(dryRun).path("dryRun").asBoolean()).isTrue();
        assertThat(json(dryRun).path("messages").asInt()).isGreaterThanOrEqualTo(carrying.size());
        assertThat(json(dryRun).path("senderAddresses").asInt()).isEqualTo(1);
        assertThat(json(dryRun).path("fields").toString()).contains("partner.channels");
        assertThat(get("/api/v1/messages/" + carrying.get(0) + "/raw").body()).containsIgnoringCase(person);
        var byAPartner = new GatewayClient(port)
                .call(
                        "POST",
                        "/api/v1/admin/erasures",
                        "acme:acme",
                        "application/json",
                        "{\"email\": \"x@y.example\", \"reason\": \"r\", \"dryRun\": false}"
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(byAPartner.statusCode()).isIn(401, 403);

        var erased = post(
                "/api/v1/admin/erasures",
                OPS,
                "{\"email\": \"%s\", \"reason\": \"GDPR request 2026-114\", \"dryRun\": false}".formatted(person));

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(json(erased).path("email").asText()).isEqualTo("e***@bright-textiles.example");
        for (String message : carrying) {
            String raw = get("/api/v1/messages/" + message + "/raw").body();
            assertThat(raw).doesNotContainIgnoringCase(person).contains("GDPR request 2026-114", "SHA-256");
        }
        JsonNode partner = json(get("/api/v1/partners/" + contactPartner));
        assertThat(partner.toString()).doesNotContainIgnoringCase(person).contains("[redacted: erasure");
        assertThat(line(po, 0).path("promisedDate").asText()).isEqualTo(promised.toString());
        JsonNode audit = json(get("/api/v1/audit?kind=ERASURE"));
        assertThat(audit.path("items").toString())
                .contains("e***@bright-textiles.example")
                .doesNotContain(person);
        assertThat(json(get("/api/v1/audit?partnerId=" + contactPartner)).toString())
                .doesNotContainIgnoringCase(person);
        var again = post("/api/v1/admin/erasures", OPS, "{\"email\": \"%s\", \"reason\": \"check\"}".formatted(person));
        assertThat(json(again).path("messages").asInt()).isZero();
        assertThat(json(again).path("fields").size()).as(again.body()).isZero();
    }

    @Test
    void appliesASuppliersDateChangeInsideToleranceAndRepliesInTheThread() throws Exception {
        String po = number();
        importOrder(po, "bright-textiles");
        String id = messageId();
        LocalDate promised = today().plusDays(26);

        deliver(mail(
                "Jane Doe <jane@bright-textiles.example>",
                "PO " + po,
                id,
                "Hello,\nPO " + po + " line 1 will ship " + promised.format(WRITTEN) + ".\nBest, Jane"));

        await().atMost(Duration.ofSeconds(20)).until(() -> promised.toString()
                .equals(line(po, 0).path("promisedDate").asText()));
        assertThat(line(po, 0).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !repliesTo("bright-textiles.example", id).isEmpty());
        MimeMessage reply = repliesTo("bright-textiles.example", id).get(0);
        assertThat(reply.getSubject()).isEqualTo("Re: PO " + po);
        assertThat(header(reply, "References")).contains(id);
        assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("jane@bright-textiles.example");
        assertThat(text(reply)).contains("line 1", "applied");
    }

    @Test
    void aChangeOutsideToleranceGoesToAPersonAndTheDecisionIsRepliedInTheThread() throws Exception {
        String po = number();
        importOrder(po, "bright-textiles");
        String id = messageId();

        deliver(mail(
                "jane@bright-textiles.example",
                "Re: your order " + po,
                id,
                "PO " + po + " line 2 will ship " + today().plusDays(40).format(WRITTEN) + ", sorry."));

        await().atMost(Duration.ofSeconds(20)).until(() -> openTasks("COMMITMENT_CHANGE", "po/" + po) == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> repliesTo("bright-textiles.example", id).size() == 1);
        assertThat(text(repliesTo("bright-textiles.example", id).get(0))).contains("we will come back to you");
        String task = json(get("/api/v1/tasks?status=OPEN&kind=COMMITMENT_CHANGE&subject=po/" + po))
                .path("items")
                .get(0)
                .path("id")
                .asText();

        var decided = post(
                "/api/v1/tasks/" + task + "/decision",
                OPS,
                "{\"decision\": \"REJECT\", \"comment\": \"we need it on time\"}");

        assertThat(decided.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> repliesTo("bright-textiles.example", id).size() == 2);
        MimeMessage decision = repliesTo("bright-textiles.example", id).get(1);
        assertThat(decision.getSubject()).isEqualTo("Re: your order " + po);
        assertThat(text(decision)).contains("not accepted", "we need it on time");
        assertThat(line(po, 1).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aCsvAttachmentUpdatesSeveralLines() {
        String po = number();
        importOrder(po, "bright-textiles");
        String csv = "poNumber,lineNumber,quantity,promisedDate,reasonCode\n" + po + ",1,," + today().plusDays(24)
                + ",\n" + po + ",2,," + today().plusDays(25) + ",\n";

        deliver(withAttachment(
                "jane@bright-textiles.example",
                "New dates",
                messageId(),
                "See the sheet.",
                "dates.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CONFIRMED".equals(line(po, 0).path("status").asText())
                        && "CONFIRMED".equals(line(po, 1).path("status").asText()));
        assertThat(line(po, 0).path("promisedDate").asText())
                .isEqualTo(today().plusDays(24).toString());
    }

    @Test
    void aForwardersDelayMailOpensADelayImpactTask() {
        deliver(mail(
                "ops@oceanlink.example",
                "Delay notice MSCU1234565",
                "<d-" + UUID.randomUUID() + "@oceanlink.example>",
                "Dear customer,\ncontainer MSCU1234565 is delayed due to port congestion. New ETA "
                        + today().plusDays(70).format(WRITTEN) + ".\nOceanLink"));

        await().atMost(Duration.ofSeconds(20)).until(() -> openTasks("DELAY_IMPACT", "po/4500012347") >= 1);
        assertThat(json(get("/api/v1/shipments/SH-1002")).path("status").asText())
                .isEqualTo("DELAYED");
    }

    @Test
    void aBrokersCustomsHoldMailOpensACustomsHoldTask() {
        deliver(mail(
                "entries@clearpath-customs.example",
                "Customs hold - shipment SH-1002",
                "<c-" + UUID.randomUUID() + "@clearpath-customs.example>",
                "Entry ENTRY-5512 is on hold.\nDocuments required: commercial invoice, packing list."));

        await().atMost(Duration.ofSeconds(20)).until(() -> openTasks("CUSTOMS_HOLD", "shipment/SH-1002") >= 1);
        JsonNode task = json(get("/api/v1/tasks?status=OPEN&kind=CUSTOMS_HOLD&subject=shipment/SH-1002"))
                .path("items")
                .get(0);
        assertThat(task.path("context").path("documentsRequested").toString())
                .contains("commercial invoice", "packing list");
    }

    @Test
    void aProofOfDeliveryPdfIsFiledWithItsShipment() {
        deliver(withAttachment(
                "ops@oceanlink.example",
                "POD shipment SH-1002",
                "<p-" + UUID.randomUUID() + "@oceanlink.example>",
                "Please find the signed POD for shipment SH-1002 attached.",
                "pod-SH-1002.pdf",
                "application/pdf",
                "%PDF-1.4 signed".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(get("/api/v1/shipments/SH-1002/timeline")).findValuesAsText("summary").stream()
                        .anyMatch(s -> s.contains("POD document pod-SH-1002.pdf")));
        JsonNode files = json(get("/api/v1/messages?partnerId=oceanlink&direction=INBOUND&limit=100"));
        JsonNode pdf = files.path("items").findParents("fileName").stream()
                .filter(m -> "pod-SH-1002.pdf".equals(m.path("fileName").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(pdf.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(get("/api/v1/messages/" + pdf.path("id").asText() + "/raw").body())
                .isEqualTo("%PDF-1.4 signed");
    }

    @Test
    void anEdiInterchangeAttachedToAMailIsAMessageOfItsOwnAcknowledgedLikeAnyOther() {
        String po = number();
        importOrder(po, "acme-supply");
        String control = String.format("%09d", Math.floorMod(UUID.randomUUID().hashCode(), 999_999_999) + 1);
        String promised = today().plusDays(24).format(DateTimeFormatter.BASIC_ISO_DATE);
        String edi = ("ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261122*0930*U*00401*%s"
                        + "*0*P*>~GS*PR*ACMESUPPLY*SEAMLINEBUYER*20261122*0930*77*X*004010~ST*855*0001~"
                        + "BAK*00*AC*%s*20261122~PO1*1*1200*MR*4.20**BP*FAB-COT-200~ACK*IA*1200*MR*068*%s~"
                        + "CTT*1~SE*6*0001~GE*1*77~IEA*1*%s~")
                .formatted(control, po, promised, control);
        String mailId = "<edi-" + UUID.randomUUID() + "@acme-supply.example>";
        String raw = withAttachment(
                "edi@acme-supply.example",
                "PO acknowledgement " + po,
                mailId,
                "Our 855 is attached.",
                "855.edi",
                "application/edi-x12",
                edi.getBytes(StandardCharsets.US_ASCII));

        deliver(raw);

        // the interchange is archived as its own message, read, acknowledged with a 997 and processed
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CONFIRMED".equals(line(po, 0).path("status").asText()));
        assertThat(line(po, 0).path("promisedDate").asText())
                .isEqualTo(today().plusDays(24).toString());
        JsonNode interchange = attachedInterchange("855.edi", control);
        assertThat(interchange.path("channel").asText()).isEqualTo("EDI");
        assertThat(interchange.path("partnerId").asText()).isEqualTo("acme-supply");
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED"
                .equals(json(get("/api/v1/messages/" + interchange.path("id").asText()))
                        .path("status")
                        .asText()));
        String ack = json(get("/api/v1/messages/" + interchange.path("id").asText()))
                .path("acknowledgementMessageId")
                .asText();
        assertThat(get("/api/v1/messages/" + ack + "/raw").body()).contains("ST*997", "AK5*A");
        // the mail's reply says what became of its attachment
        await().atMost(Duration.ofSeconds(10))
                .until(() -> repliesTo("acme-supply.example", mailId).size() == 1);
        assertThat(text(repliesTo("acme-supply.example", mailId).get(0)))
                .contains(
                        "855.edi",
                        "received as message " + interchange.path("id").asText());

        // the same interchange attached to another mail is the duplicate of the first
        deliver(raw.replace(mailId, "<edi-" + UUID.randomUUID() + "@acme-supply.example>"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(get("/api/v1/messages?status=DUPLICATE&limit=500"))
                        .path("items")
                        .findValuesAsText("statusReason")
                        .stream()
                        .anyMatch(r -> r.contains(control)));
    }

    @Test
    void aZugferdInvoiceAttachedToAMailIsReadAndMatchedToItsPo() {
        String po = number();
        var imported = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "acme-supply", "currency": "USD", "orderDate": "%s",
                 "lines": [{"lineNumber": "1", "itemId": "WID-100", "partnerItemId": "AC-W100", "quantity": 10,
                            "unit": "EA", "unitPrice": 2.50, "needByDate": "%s"}]}
                """
                        .formatted(po, today(), today().plusDays(10)));
        assertThat(imported.statusCode()).isEqualTo(200);
        String mailId = "<zf-" + UUID.randomUUID() + "@acme-supply.example>";

        deliver(withAttachment(
                "billing@acme-supply.example",
                "Invoice ZF-" + po,
                mailId,
                "Please find our invoice attached.",
                "ZF-" + po + ".pdf",
                "application/pdf",
                NetworkDocumentsIT.facturXInvoice(po, "ZF-" + po)));

        // the PDF is archived as its own message, read as acme's invoice and correlated to the PO
        var invoice = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode m : json(get("/api/v1/messages?partnerId=acme-supply&direction=INBOUND&limit=200"))
                    .path("items")) {
                if (("ZF-" + po + ".pdf").equals(m.path("fileName").asText())
                        && "PROCESSED".equals(m.path("status").asText())) {
                    invoice.set(json(get("/api/v1/messages/" + m.path("id").asText())));
                    return true;
                }
            }
            return false;
        });
        assertThat(invoice.get().path("format").asText()).isEqualTo("PDF");
        assertThat(invoice.get()
                        .path("events")
                        .get(0)
                        .path("data")
                        .path("poNumbers")
                        .get(0)
                        .asText())
                .isEqualTo(po);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/v1/purchase-orders/" + po + "/timeline"))
                .toString()
                .contains("ZF-" + po));
        // the mail's reply says what became of it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> repliesTo("acme-supply.example", mailId).size() == 1);
        assertThat(text(repliesTo("acme-supply.example", mailId).get(0)))
                .contains(
                        "ZF-" + po + ".pdf",
                        "an e-invoice, received as message "
                                + invoice.get().path("id").asText());
    }

    @Test
    void aSupplierDisputesADeductionByReplyingToItsMail() {
        String po = number();
        importOrder(po, "bright-textiles");
        // 10 metres of line 1 rejected on receipt: a deduction of 42.00 GBP, approved, goes to Bright by mail
        var receipt = post(
                "/api/v1/erp/receipts",
                "erp:erp",
                ("{\"receiptId\": \"GR-%s\", \"poNumber\": \"%s\", \"receivedAt\": \"%s\", \"lines\":"
                                + " [{\"lineNumber\": \"1\", \"quantity\": 10, \"rejectedQuantity\": 10,"
                                + " \"reason\": \"stained\"}]}")
                        .formatted(po, po, today()));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        var task = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode items = json(get("/api/v1/tasks?status=OPEN&kind=DEDUCTION&subject=po/" + po))
                    .path("items");
            task.set(items.size() == 1 ? items.get(0) : null);
            return task.get() != null;
        });
        String number = task.get().path("context").path("number").asText();
        assertThat(task.get().path("context").path("amount").asText()).isEqualTo("42");
        var decided = post(
                "/api/v1/tasks/" + task.get().path("id").asText() + "/decision",
                OPS,
                "{\"decision\": \"APPROVE\", \"comment\": \"stained cloth, photos on the receipt\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(MAIL.getReceivedMessagesForDomain("bright-textiles.example"))
                        .anyMatch(m -> raw(m).contains(number)));

        // another supplier's mail naming Bright's deduction reaches nothing of it: a person sees an unmatched mail
        deliver(mail(
                "edi@acme-supply.example",
                "Deduction " + number,
                "<not-ours-" + UUID.randomUUID() + "@acme-supply.example>",
                "We dispute " + number + " on behalf of nobody."));
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get(
                        "/api/v1/tasks?status=OPEN&kind=UNMATCHED_MESSAGE&partnerId=acme-supply&limit=500"))
                .toString()
                .contains("no deduction " + number + " of acme-supply"));
        assertThat(json(get("/api/v1/deductions/" + number)).path("status").asText())
                .isEqualTo("APPROVED");

        // Bright answers the mail: it disputes the deduction
        deliver(mail(
                "jane@bright-textiles.example",
                "Re: deduction " + number,
                "<dispute-" + UUID.randomUUID() + "@bright-textiles.example>",
                "We dispute " + number + ": the cloth left our mill clean, see the inspection report."));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(get("/api/v1/tasks?status=OPEN&kind=DEDUCTION_DISPUTE&subject=po/" + po))
                                .path("total")
                                .asInt()
                        == 1);
        assertThat(json(get("/api/v1/deductions/" + number))
                        .path("disputeReason")
                        .asText())
                .contains("inspection report");
    }

    /** The archived interchange that came attached to a mail under {@code fileName}, once it is there. */
    private JsonNode attachedInterchange(String fileName, String control) {
        var found = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode m : json(get(
                            "/api/v1/messages?partnerId=acme-supply&direction=INBOUND&controlNumber=" + control))
                    .path("items")) {
                if (fileName.equals(m.path("fileName").asText())) {
                    found.set(m);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    @Test
    void quarantinesAMailFromNoPartnerAndSendsItNoReply() {
        String id = "<u-" + UUID.randomUUID() + "@unknown.example>";
        deliver(mail("someone@unknown.example", "PO 4500012349", id, "PO 4500012349 line 1 will ship 1 Jan."));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> quarantined().stream().anyMatch(m -> m.path("statusReason")
                        .asText()
                        .contains("someone@unknown.example is no partner's address or domain")));
        assertThat(repliesTo("unknown.example", id)).isEmpty();
    }

    @Test
    void quarantinesMalformedMimeAndStillReadsTheNextMail() {
        String po = number();
        importOrder(po, "bright-textiles");
        deliver(
                """
                From: jane@bright-textiles.example
                To: orders@seamline.example
                Subject: broken
                Message-ID: <broken-%s@bright-textiles.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"
                Content-Transfer-Encoding: base64

                ###not base64 and no boundary###
                """
                        .formatted(UUID.randomUUID()));
        deliver(mail(
                "jane@bright-textiles.example",
                "PO " + po,
                messageId(),
                "PO " + po + " line 1 will ship " + today().plusDays(25).format(WRITTEN) + "."));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CONFIRMED".equals(line(po, 0).path("status").asText()));
        await().atMost(Duration.ofSeconds(10)).until(() -> quarantined().stream()
                .anyMatch(m -> m.path("statusReason").asText().contains("MALFORMED")));
    }

    @Test
    void theSameMessageIdTwiceHasOneEffect() {
        String po = number();
        importOrder(po, "bright-textiles");
        String id = messageId();
        String raw = mail(
                "jane@bright-textiles.example",
                "PO " + po,
                id,
                "PO " + po + " line 2 will ship " + today().plusDays(45).format(WRITTEN) + ".");

        deliver(raw);
        deliver(raw);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(get("/api/v1/messages?status=DUPLICATE&limit=500"))
                        .path("items")
                        .findValuesAsText("statusReason")
                        .stream()
                        .anyMatch(r -> r.contains(id)));
        assertThat(openTasks("COMMITMENT_CHANGE", "po/" + po)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> repliesTo("bright-textiles.example", id).size() == 1);
    }

    @Test
    void aMailOurServerDidNotAuthenticateSpeaksForNoPartner() {
        String po = number();
        importOrder(po, "bright-textiles");
        String forged = "PO " + po + " line 1 will ship " + today().plusDays(26).format(WRITTEN) + ".";
        // no results at all; results written by some other server; our server's verdict: DMARC failed
        deliver(unauthenticatedMail("jane@bright-textiles.example", "PO " + po, messageId(), forged));
        deliver("Authentication-Results: mx.attacker.example; dmarc=pass header.from=bright-textiles.example\n"
                + unauthenticatedMail("jane@bright-textiles.example", "PO " + po, messageId(), forged));
        deliver("Authentication-Results: " + OUR_MAIL_SERVER + "; spf=pass smtp.mailfrom=bright-textiles.example;"
                + " dkim=fail header.d=bright-textiles.example; dmarc=fail header.from=bright-textiles.example\n"
                + unauthenticatedMail("jane@bright-textiles.example", "PO " + po, messageId(), forged));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> quarantined().stream()
                                .filter(m -> m.path("statusReason").asText().contains("is not authenticated"))
                                .count()
                        >= 3);
        assertThat(line(po, 0).path("status").asText()).isEqualTo("OPEN");
        assertThat(line(po, 0).path("promisedDate").isMissingNode()
                        || line(po, 0).path("promisedDate").isNull())
                .isTrue();
    }

    @Test
    void mailsNamingAnotherPartnersObjectsChangeNothingOfThemAndRevealNothing() {
        Victim victim = Victim.create(port);
        Victim.Snapshot before = victim.snapshot();
        java.time.Instant start = java.time.Instant.now();

        // a supplier: a date for the victim's PO line, a delay of its container, a customs hold, a POD for it
        deliver(mail(
                "jane@bright-textiles.example",
                "PO " + victim.po(),
                messageId(),
                "PO " + victim.po() + " line 10 will ship "
                        + today().plusDays(90).format(WRITTEN) + "."));
        deliver(mail(
                "jane@bright-textiles.example",
                "Delay " + victim.container(),
                messageId(),
                "container " + victim.container() + " is delayed. New ETA "
                        + today().plusDays(80).format(WRITTEN) + "."));
        deliver(mail(
                "jane@bright-textiles.example",
                "Customs hold - shipment " + victim.shipment(),
                messageId(),
                "Entry E-1 is on hold.\nDocuments required: commercial invoice."));
        deliver(withAttachment(
                "jane@bright-textiles.example",
                "POD shipment " + victim.shipment(),
                messageId(),
                "The POD for shipment " + victim.shipment() + ".",
                "pod-" + victim.shipment() + ".pdf",
                "application/pdf",
                "%PDF-1.4 forged".getBytes(StandardCharsets.UTF_8)));
        // a broker that is not the shipment's
        deliver(mail(
                "entries@clearpath-customs.example",
                "Customs hold - shipment " + victim.shipment(),
                "<c-" + UUID.randomUUID() + "@clearpath-customs.example>",
                "Entry E-2 is on hold.\nDocuments required: packing list."));

        var attempts = new java.util.ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            attempts.clear();
            for (String partner : List.of("bright-textiles", "clearpath-customs")) {
                json(get("/api/v1/messages?partnerId=" + partner + "&direction=INBOUND&limit=100"))
                        .path("items")
                        .forEach(m -> {
                            if (java.time.Instant.parse(m.path("receivedAt").asText())
                                            .isAfter(start)
                                    && m.path("format").asText().equals("MIME")
                                    && !m.path("status").asText().equals("RECEIVED")) {
                                attempts.add(m.path("id").asText());
                            }
                        });
            }
            return attempts.size() == 5;
        });
        for (String attempt : attempts) {
            assertThat(json(get("/api/v1/messages/" + attempt)).path("status").asText())
                    .isEqualTo("PROCESSED");
        }
        // the date, the delay and both holds each wait for ops, on the sender's own mail
        long unmatched = attempts.stream()
                .filter(id -> json(get("/api/v1/tasks?kind=UNMATCHED_MESSAGE&subject=message/" + id))
                                .path("total")
                                .asInt()
                        > 0)
                .count();
        assertThat(unmatched).isGreaterThanOrEqualTo(4);
        victim.assertUntouched(
                before,
                attempts,
                List.of("bright-textiles", "clearpath-customs"),
                List.of("acme:acme", "clearpath:clearpath"));
    }

    private List<JsonNode> quarantined() {
        var list = new java.util.ArrayList<JsonNode>();
        json(get("/api/v1/messages?status=QUARANTINED&limit=500")).path("items").forEach(list::add);
        return list;
    }

    @Test
    void aTemplatePublishedAtRunTimeReadsTheNextMailAndARollbackPutsTheFileBack() {
        String template = "{\"partner\": \"bright-textiles\", \"extendsDefault\": true, \"rules\": [{\"name\":"
                + " \"bright-ref\", \"kind\": \"COMMITMENT\", \"pattern\":"
                + " \"Ref (?<po>\\\\d{6,12})/(?<line>\\\\d{1,4}) now (?<date>{date})\"}]}";
        var invalid = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/bright-textiles/template",
                        OPS,
                        "application/json",
                        "{\"reason\": \"typo\", \"template\": {\"partner\": \"bright-textiles\", \"rules\": [{\"name\":"
                                .concat(" \"x\", \"kind\": \"COMMITMENT\", \"pattern\": \"(unclosed\"}]}}")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.statusCode()).isEqualTo(400);
        var published = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/bright-textiles/template",
                        OPS,
                        "application/json",
                        ("{\"reason\": \"Bright writes 'Ref PO/line now date'\", \"template\": " + template + "}")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        try {
            String po = number();
            importOrder(po, "bright-textiles");
            LocalDate promised = today().plusDays(27);
            deliver(mail(
                    "Jane Doe <jane@bright-textiles.example>",
                    "Update",
                    messageId(),
                    "Hi,\nRef " + po + "/1 now " + promised.format(WRITTEN) + ".\nJane"));
            await().atMost(Duration.ofSeconds(20)).until(() -> promised.toString()
                    .equals(line(po, 0).path("promisedDate").asText()));
        } finally {
            var rolledBack = post(
                    "/api/v1/partners/bright-textiles/template/versions/0/rollback",
                    OPS,
                    "{\"reason\": \"back to the shipped template\"}");
            assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        }
        String po = number();
        importOrder(po, "bright-textiles");
        String id = messageId();
        deliver(mail(
                "Jane Doe <jane@bright-textiles.example>",
                "Update",
                id,
                "Hi,\nRef " + po + "/1 now " + today().plusDays(28).format(WRITTEN) + ".\nJane"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !repliesTo("bright-textiles.example", id).isEmpty());
        assertThat(line(po, 0).path("promisedDate").isMissingNode()
                        || line(po, 0).path("promisedDate").isNull())
                .isTrue();
        assertThat(json(get("/api/v1/partners/bright-textiles/template/versions"))
                        .path("items"))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
