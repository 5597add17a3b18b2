package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Partners attack each other's objects through every channel that reaches the pipeline here (EDI over HTTP, SFTP,
 * REST, SOAP, the portal; AS2 in {@link As2InteropIT}, e-mail in {@link EmailChannelIT}): a supplier, a carrier and
 * a customs broker name a victim's PO, shipment (by id, BOL, PRO, container, booking, air waybill, PO), invoice,
 * customs entry and message by every reference their documents can carry. Each attempt is refused at the door or
 * archived and matched to nothing (an UNMATCHED task on the attacker's own message for ops); afterwards the victim's
 * objects are unchanged, nothing of the attempts is on their timelines, and no attacker can read them.
 */
class TrustBetweenPartnersIT extends PipelineGatewayIT {

    private static final String ACME = "acme:acme";
    private static final String SWIFT = "swift:swift";
    private static final String CLEARPATH = "clearpath:clearpath";
    private static final List<String> ATTACKERS = List.of("acme-supply", "swift-freight", "clearpath-customs");

    /** What must come of an attempt. */
    enum Expect {
        /** Refused at the door (a 4xx, a SOAP fault, the portal's not-found page). */
        REFUSED,
        /** Archived, and matched to nothing: an UNMATCHED_MESSAGE task on the attacker's own message. */
        UNMATCHED,
        /** Archived and processed to its end, with no effect on anything but the attacker's own message. */
        ARCHIVED
    }

    /** What an attempt gave: the HTTP status (or the fault's code) and the archived message, if any. */
    record Attempt(int status, String body, String messageId) {}

    record Attack(String channel, String object, String reference, Expect expect, Supplier<Attempt> send) {
        String name() {
            return channel + " × " + object + " by " + reference;
        }
    }

    @Test
    void documentsNamingAnotherPartnersObjectsChangeNothingOfThemAndRevealNothing() {
        Victim victim = Victim.create(port);
        Victim.Snapshot before = victim.snapshot();
        String ownPo = number();
        importOrder(ownPo, "acme-supply");
        JsonNode nordicOrder = ordersSentTo(victim);

        var attacks = new ArrayList<Attack>();
        // EDI over HTTP: a supplier's 855, 865, 856 and 810; a carrier's 214, 210 and 990; a broker's CUSRES
        attacks.add(edi("PO", "BAK03", Expect.UNMATCHED, ACME, acme855(victim.po())));
        attacks.add(edi("PO", "BCA03", Expect.UNMATCHED, ACME, acme865(victim.po())));
        attacks.add(
                edi("PO", "PRF01", Expect.UNMATCHED, ACME, acme856("ASN-" + control(), ownPo, "PRF*" + victim.po())));
        attacks.add(edi("shipment", "BSN02 (id)", Expect.UNMATCHED, ACME, acme856(victim.shipment(), ownPo)));
        attacks.add(edi(
                "shipment", "REF BM (BOL)", Expect.UNMATCHED, ACME, acme856(null, ownPo, "REF*BM*" + victim.bol())));
        attacks.add(edi(
                "shipment", "REF CN (PRO)", Expect.UNMATCHED, ACME, acme856(null, ownPo, "REF*CN*" + victim.pro())));
        attacks.add(edi(
                "shipment",
                "REF BN (booking)",
                Expect.UNMATCHED,
                ACME,
                acme856(null, ownPo, "REF*BN*" + victim.booking())));
        attacks.add(edi(
                "shipment",
                "REF AW (air waybill)",
                Expect.UNMATCHED,
                ACME,
                acme856(null, ownPo, "REF*AW*" + victim.awb())));
        attacks.add(edi(
                "shipment",
                "TD3 (container)",
                Expect.UNMATCHED,
                ACME,
                acme856(
                        null,
                        ownPo,
                        "TD3*CN*" + victim.container().substring(0, 4) + "*"
                                + victim.container().substring(4))));
        attacks.add(edi("invoice", "BIG04 (PO)", Expect.UNMATCHED, ACME, acme810(victim.po())));
        attacks.add(edi(
                "shipment",
                "B10 (id)",
                Expect.UNMATCHED,
                SWIFT,
                swift214("B10*XPRO" + control() + "*" + victim.shipment() + "*SWFT")));
        attacks.add(edi(
                "shipment",
                "B10 (PRO)",
                Expect.UNMATCHED,
                SWIFT,
                swift214("B10*" + victim.pro() + "*X" + control() + "*SWFT")));
        attacks.add(edi(
                "shipment",
                "L11 BM (BOL)",
                Expect.UNMATCHED,
                SWIFT,
                swift214("B10*XPRO" + control() + "*X" + control() + "*SWFT", "L11*" + victim.bol() + "*BM")));
        attacks.add(edi(
                "PO",
                "L11 PO",
                Expect.UNMATCHED,
                SWIFT,
                swift214("B10*XPRO" + control() + "*X" + control() + "*SWFT", "L11*" + victim.po() + "*PO")));
        attacks.add(edi(
                "invoice",
                "B3 (shipment)",
                Expect.UNMATCHED,
                SWIFT,
                swift210(victim.shipment(), "N9*CN*X" + control())));
        attacks.add(edi(
                "invoice", "N9 BM (BOL)", Expect.UNMATCHED, SWIFT, swift210("X" + control(), "N9*BM*" + victim.bol())));
        attacks.add(
                edi("invoice", "N9 PO", Expect.UNMATCHED, SWIFT, swift210("X" + control(), "N9*PO*" + victim.po())));
        attacks.add(edi("shipment", "B102 (tender)", Expect.UNMATCHED, SWIFT, swift990(victim.shipment())));
        attacks.add(edi(
                "customs entry",
                "RFF CU (shipment)",
                Expect.UNMATCHED,
                CLEARPATH,
                cusres("RFF+CU:" + victim.shipment())));
        attacks.add(
                edi("customs entry", "RFF BM (BOL)", Expect.UNMATCHED, CLEARPATH, cusres("RFF+BM:" + victim.bol())));
        attacks.add(edi(
                "customs entry",
                "RFF EQ (container)",
                Expect.UNMATCHED,
                CLEARPATH,
                cusres("RFF+EQ:" + victim.container())));
        attacks.add(edi(
                "message",
                "AK1/AK2 (control numbers of our ORDERS to another partner)",
                Expect.ARCHIVED,
                ACME,
                acme997(nordicOrder.path("controlNumbers").path("interchange").asText())));
        // SFTP: the supplier's upload to its folder on our server
        attacks.add(new Attack(
                "SFTP",
                "shipment",
                "TD3 (container)",
                Expect.UNMATCHED,
                () -> sftp(acme856(
                        null,
                        ownPo,
                        "TD3*CN*" + victim.container().substring(0, 4) + "*"
                                + victim.container().substring(4)))));
        // REST
        attacks.add(rest(
                "PO",
                "URL (commitment)",
                Expect.REFUSED,
                ACME,
                "/api/v1/purchase-orders/" + victim.po() + "/commitments",
                "{\"lines\": [{\"lineNumber\": \"10\", \"quantity\": 1}]}"));
        attacks.add(rest(
                "PO",
                "URL (acknowledgement)",
                Expect.REFUSED,
                ACME,
                "/api/v1/purchase-orders/" + victim.po() + "/acknowledgement",
                "{\"ackType\": \"REJECTED\", \"lines\": []}"));
        attacks.add(rest(
                "PO",
                "body poNumber under its own PO's URL",
                Expect.REFUSED,
                ACME,
                "/api/v1/purchase-orders/" + ownPo + "/acknowledgement",
                "{\"poNumber\": \"" + victim.po() + "\", \"ackType\": \"REJECTED\", \"lines\": []}"));
        attacks.add(rest(
                "shipment",
                "shipmentId",
                Expect.UNMATCHED,
                ACME,
                "/api/v1/shipments/notices",
                notice(victim.shipment(), ownPo, "1", "{}")));
        attacks.add(rest(
                "shipment",
                "references.container",
                Expect.UNMATCHED,
                ACME,
                "/api/v1/shipments/notices",
                notice("ASN-" + control(), ownPo, "1", "{\"container\": \"" + victim.container() + "\"}")));
        attacks.add(rest(
                "PO",
                "lines[].poNumber",
                Expect.UNMATCHED,
                ACME,
                "/api/v1/shipments/notices",
                notice("ASN-" + control(), victim.po(), "10", "{}")));
        attacks.add(rest(
                "invoice",
                "poNumbers",
                Expect.UNMATCHED,
                ACME,
                "/api/v1/invoices",
                "{\"invoiceNumber\": \"X-" + control() + "\", \"kind\": \"GOODS\", \"invoiceDate\": \"" + today()
                        + "\", \"currency\": \"EUR\", \"total\": 3.10, \"poNumbers\": [\"" + victim.po() + "\"],"
                        + " \"lines\": [{\"lineNumber\": \"10\", \"quantity\": 1, \"unitPrice\": 3.10}]}"));
        attacks.add(rest(
                "shipment",
                "URL (status)",
                Expect.REFUSED,
                SWIFT,
                "/api/v1/shipments/" + victim.shipment() + "/status",
                "{\"status\": \"DELIVERED\", \"eventTime\": \"" + today() + "T10:00\"}"));
        attacks.add(rest(
                "invoice",
                "references.bol",
                Expect.UNMATCHED,
                SWIFT,
                "/api/v1/invoices",
                "{\"invoiceNumber\": \"F-" + control() + "\", \"kind\": \"FREIGHT\", \"invoiceDate\": \"" + today()
                        + "\", \"currency\": \"EUR\", \"total\": 900, \"references\": {\"bol\": \"" + victim.bol()
                        + "\"}}"));
        // SOAP
        attacks.add(soap(
                "customs entry",
                "shipmentId, from a supplier",
                Expect.REFUSED,
                ACME,
                "<p:ReportCustomsStatus><p:customsStatus><p:entryNumber>E-" + control()
                        + "</p:entryNumber><p:shipmentId>" + victim.shipment()
                        + "</p:shipmentId><p:status>HOLD</p:status></p:customsStatus></p:ReportCustomsStatus>"));
        attacks.add(soap(
                "customs entry",
                "shipmentId, from another broker",
                Expect.UNMATCHED,
                CLEARPATH,
                "<p:ReportCustomsStatus><p:customsStatus><p:entryNumber>E-" + control()
                        + "</p:entryNumber><p:shipmentId>" + victim.shipment()
                        + "</p:shipmentId><p:status>HOLD</p:status></p:customsStatus></p:ReportCustomsStatus>"));
        attacks.add(soap(
                "shipment",
                "shipmentId (status)",
                Expect.REFUSED,
                SWIFT,
                "<p:ReportShipmentStatus><p:shipmentStatus><p:shipmentId>" + victim.shipment() + "</p:shipmentId>"
                        + "<p:status>DELIVERED</p:status><p:eventTime>" + today() + "T10:00</p:eventTime>"
                        + "</p:shipmentStatus></p:ReportShipmentStatus>"));
        attacks.add(soap(
                "invoice",
                "shipmentId (freight)",
                Expect.UNMATCHED,
                SWIFT,
                "<p:SubmitFreightInvoice><p:freightInvoice><p:invoiceNumber>F-" + control() + "</p:invoiceNumber>"
                        + "<p:invoiceDate>" + today()
                        + "</p:invoiceDate><p:currency>EUR</p:currency><p:total>900</p:total>"
                        + "<p:shipmentId>" + victim.shipment()
                        + "</p:shipmentId></p:freightInvoice></p:SubmitFreightInvoice>"));
        // the portal, signed in with the login form
        attacks.add(
                portal("PO", "URL (order page)", Expect.REFUSED, "acme", s -> s.get("/portal/orders/" + victim.po())));
        attacks.add(portal(
                "PO",
                "URL (line commitment)",
                Expect.REFUSED,
                "acme",
                s -> s.post("/portal/orders/" + victim.po() + "/lines/10/commitment", Map.of("quantity", "1"))));
        attacks.add(portal(
                "shipment",
                "container on its own PO's ship notice",
                Expect.UNMATCHED,
                "acme",
                s -> s.post(
                        "/portal/orders/" + ownPo + "/ship-notice",
                        Map.of(
                                "shipmentId",
                                "ASN-" + control(),
                                "shipDate",
                                today().toString(),
                                "container",
                                victim.container(),
                                "qty-1",
                                "1"))));
        attacks.add(portal(
                "shipment",
                "URL (status)",
                Expect.REFUSED,
                "swift",
                s -> s.post(
                        "/portal/shipments/" + victim.shipment() + "/status",
                        Map.of("status", "DELIVERED", "eventTime", today() + "T10:00"))));
        attacks.add(portal(
                "customs entry",
                "shipmentId",
                Expect.UNMATCHED,
                "clearpath",
                s -> s.post(
                        "/portal/customs",
                        Map.of("entryNumber", "E-" + control(), "status", "HOLD", "shipmentId", victim.shipment()))));

        var failures = new ArrayList<String>();
        var messages = new ArrayList<String>();
        for (Attack attack : attacks) {
            Attempt attempt = attack.send().get();
            if (attempt.messageId() != null) {
                messages.add(attempt.messageId());
            }
            String problem = judge(attack, attempt);
            if (problem != null) {
                failures.add(attack.name() + ": " + problem);
            }
        }
        assertThat(failures)
                .as("attempts that were not refused or left unmatched")
                .isEmpty();
        victim.assertUntouched(before, messages, ATTACKERS, List.of(ACME, SWIFT, CLEARPATH));
        assertThat(json(get("/api/v1/messages/" + nordicOrder.path("id").asText(), OPS))
                        .path("status")
                        .asText())
                .as("our ORDERS to the victim's supplier, after another partner acknowledged its numbers")
                .isEqualTo(nordicOrder.path("status").asText());
    }

    @Test
    void aBrokerBecomesTheBrokerOfAShipmentOnlyWhenOpsAcceptItsFirstCustomsDocument() {
        String po = number();
        importOrder(po, "acme-supply");
        String shipment = "SH-C" + control();
        var imported = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "poNumbers": ["%s"]}
                """
                        .formatted(shipment, po));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        JsonNode first = process(CLEARPATH, cusres("RFF+CU:" + shipment));

        // the shipment has no broker: the document is held for ops, nothing is recorded on the shipment
        JsonNode task = unmatchedTaskOf(first.path("id").asText());
        assertThat(task.path("context").path("assign").path("shipmentId").asText())
                .isEqualTo(shipment);
        assertThat(json(get("/api/v1/shipments/" + shipment, OPS))
                                .path("brokerId")
                                .isMissingNode()
                        || json(get("/api/v1/shipments/" + shipment, OPS))
                                .path("brokerId")
                                .isNull())
                .isTrue();
        assertThat(get("/api/v1/shipments/" + shipment, CLEARPATH).statusCode()).isEqualTo(404);

        var decided = post(
                "/api/v1/tasks/" + task.path("id").asText() + "/decision",
                OPS,
                "{\"decision\": \"APPROVE\", \"comment\": \"ClearPath clears this one\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        assertThat(json(get("/api/v1/shipments/" + shipment, OPS))
                        .path("brokerId")
                        .asText())
                .isEqualTo("clearpath-customs");
        assertThat(json(get("/api/v1/shipments/" + shipment + "/timeline", OPS)).toString())
                .contains("made clearpath-customs the customs broker of " + shipment);
        assertThat(get("/api/v1/shipments/" + shipment, CLEARPATH).statusCode()).isEqualTo(200);
        // the next customs document of the broker is matched at once
        JsonNode next = process(CLEARPATH, cusres("RFF+CU:" + shipment));
        assertThat(json(get("/api/v1/tasks?kind=CUSTOMS_HOLD&subject=shipment/" + shipment, OPS))
                        .path("items")
                        .toString())
                .contains(next.path("id").asText());
    }

    /** Judges one attempt: null when it came out as it must. */
    private String judge(Attack attack, Attempt attempt) {
        if (attack.expect() == Expect.REFUSED) {
            return attempt.status() >= 400 && attempt.status() < 500
                    ? null
                    : "expected a refusal, got " + attempt.status() + " " + abbreviate(attempt.body());
        }
        if (attempt.messageId() == null) {
            return "expected the document archived, got " + attempt.status() + " " + abbreviate(attempt.body());
        }
        JsonNode message = awaitEnd(attempt.messageId());
        if (attack.expect() == Expect.ARCHIVED) {
            return null;
        }
        if (!message.path("status").asText().equals("PROCESSED")) {
            return "expected PROCESSED, got " + message.path("status").asText() + " "
                    + message.path("statusReason").asText();
        }
        JsonNode task = unmatchedTaskOf(attempt.messageId());
        if (task == null) {
            return "no UNMATCHED_MESSAGE task for message " + attempt.messageId();
        }
        String subject = task.path("subject").asText();
        return subject.equals("message/" + attempt.messageId())
                ? null
                : "the UNMATCHED task is about " + subject + ", not the attacker's own message";
    }

    private JsonNode unmatchedTaskOf(String messageId) {
        JsonNode items = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> json(get(
                                        "/api/v1/tasks?status=OPEN&kind=UNMATCHED_MESSAGE&subject=message/" + messageId,
                                        OPS))
                                .path("items"),
                        found -> found.size() > 0);
        return items.get(0);
    }

    private Attack edi(String object, String reference, Expect expect, String user, String interchange) {
        return new Attack("EDI over HTTP (" + user.split(":")[0] + ")", object, reference, expect, () -> {
            var response = postEdi(user, interchange);
            String id = response.statusCode() == 202
                    ? json(response).path("messageId").asText()
                    : null;
            return new Attempt(response.statusCode(), response.body(), id);
        });
    }

    private Attack rest(String object, String reference, Expect expect, String user, String path, String body) {
        return new Attack("REST (" + user.split(":")[0] + ")", object, reference, expect, () -> {
            var response = post(path, user, body);
            String id = response.statusCode() == 202
                    ? json(response).path("messageId").asText()
                    : null;
            return new Attempt(response.statusCode(), response.body(), id);
        });
    }

    private Attack soap(String object, String reference, Expect expect, String user, String operation) {
        return new Attack("SOAP (" + user.split(":")[0] + ")", object, reference, expect, () -> {
            String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:p=\"urn:seamline:partners:v1\"><soap:Body>" + operation + "</soap:Body></soap:Envelope>";
            try {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/partners"))
                                        .header("Content-Type", "text/xml; charset=utf-8")
                                        .header("Authorization", GatewayClient.basic(user))
                                        .POST(HttpRequest.BodyPublishers.ofString(envelope))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                var id = java.util.regex.Pattern.compile("<(?:\\w+:)?messageId>([^<]+)<")
                        .matcher(response.body());
                boolean fault = response.body().contains("Fault>");
                // a fault is the SOAP way of a 4xx: NotFound, NotAllowed, InvalidDocument
                return new Attempt(
                        fault ? 400 : response.statusCode(), response.body(), fault || !id.find() ? null : id.group(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Attack portal(
            String object,
            String reference,
            Expect expect,
            String user,
            java.util.function.Function<PortalSession, HttpResponse<String>> action) {
        return new Attack("portal (" + user + ")", object, reference, expect, () -> {
            PortalSession session = PortalSession.signIn(port, user, user);
            String since = newestMessageOf(user);
            HttpResponse<String> response = action.apply(session);
            if (response.statusCode() >= 400) {
                return new Attempt(response.statusCode(), response.body(), null);
            }
            // the portal answers with a redirect to the page that shows the answer; the document is the partner's
            // newest
            String id = null;
            for (int i = 0; i < 100 && id == null; i++) {
                String newest = newestMessageOf(user);
                id = newest != null && !newest.equals(since) ? newest : null;
                sleepBriefly();
            }
            return new Attempt(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse("") + " " + response.body(),
                    id);
        });
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String newestMessageOf(String user) {
        String partner = Map.of("acme", "acme-supply", "swift", "swift-freight", "clearpath", "clearpath-customs")
                .get(user);
        JsonNode items = json(get("/api/v1/messages?partnerId=" + partner + "&direction=INBOUND&limit=1", OPS))
                .path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asText();
    }

    /** Uploads an interchange to Acme's folder on our SFTP server, as Acme; the archived message is its pickup. */
    private Attempt sftp(String interchange) {
        String control = interchange.substring(90, 99);
        try (var sftp = SftpIT.Sftp.login(SFTP_PORT, "acme", "acme")) {
            sftp.put("/in/attack-" + control + ".edi", interchange.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        JsonNode items = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> json(get("/api/v1/messages?partnerId=acme-supply&controlNumber=" + control, OPS))
                                .path("items"),
                        found -> found.size() == 1);
        return new Attempt(202, "", items.get(0).path("id").asText());
    }

    /** The ORDERS we sent the victim's supplier for its PO (its message, as internal users see it). */
    private JsonNode ordersSentTo(Victim victim) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            for (JsonNode m : json(get(
                                            "/api/v1/messages?partnerId=" + Victim.SUPPLIER
                                                    + "&direction=OUTBOUND&limit=50",
                                            OPS))
                                    .path("items")) {
                                if (m.path("documentType").asText().equals("ORDERS")
                                        && get(
                                                        "/api/v1/messages/"
                                                                + m.path("id").asText() + "/raw",
                                                        OPS)
                                                .body()
                                                .contains(victim.po())) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        found -> found != null);
    }

    static String number() {
        return "48" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    }

    private static String acme855(String po) {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "PR",
                control(),
                "855",
                "BAK*00*AC*" + po + "*20261122",
                "PO1*10*100*EA*3.10**BP*BRG-6204",
                "ACK*IA*100*EA*068*" + edi(today().plusDays(5)));
    }

    private static String acme865(String po) {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "CA",
                control(),
                "865",
                "BCA*01*AC*" + po + "**1*20261101",
                "POC*10*QD*100*1*EA*3.10**BP*BRG-6204",
                "ACK*IC*1*EA*068*" + edi(today().plusDays(90)));
    }

    /** Acme's 856 for one unit of its own PO's line 1, with the shipment id and references given. */
    private static String acme856(String shipmentId, String ownPo, String... references) {
        var segments = new ArrayList<String>();
        segments.add("856");
        segments.add("BSN*00*" + (shipmentId == null ? "ASN-" + control() : shipmentId) + "*20261205*1400*0001");
        segments.add("HL*1**S");
        for (String reference : references) {
            if (!reference.startsWith("PRF")) {
                segments.add(reference);
            }
        }
        segments.add("HL*2*1*O");
        String prf = "PRF*" + ownPo;
        for (String reference : references) {
            if (reference.startsWith("PRF")) {
                prf = reference;
            }
        }
        segments.add(prf);
        segments.add("HL*3*2*I");
        segments.add(prf.equals("PRF*" + ownPo) ? "LIN*1*BP*WID-100" : "LIN*10*BP*BRG-6204");
        segments.add("SN1**1*EA");
        segments.add("CTT*3");
        return x12("ZZ", "ACMESUPPLY", "SH", control(), segments.toArray(String[]::new));
    }

    private static String acme810(String po) {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "IN",
                control(),
                "810",
                "BIG*20261206*INV-" + control() + "*20261117*" + po,
                "CUR*SE*EUR",
                "IT1*10*1*EA*3.10**BP*BRG-6204",
                "TDS*310",
                "CTT*1");
    }

    /** Acme's 997 naming the group and set of another partner's interchange (EDIFACT numbers, as X12 would say them). */
    private static String acme997(String acknowledged) {
        String group = acknowledged.replaceFirst("^0+(?=.)", "");
        return x12(
                "ZZ", "ACMESUPPLY", "FA", control(), "997", "AK1*PO*" + group, "AK2*850*0001", "AK5*A", "AK9*A*1*1*1");
    }

    private static String swift214(String b10, String... references) {
        var segments = new ArrayList<String>(List.of("214", b10));
        segments.addAll(List.of(references));
        segments.add("LX*1");
        segments.add("AT7*D1****" + edi(today()) + "*1000*LT");
        return x12("02", "SWFT", "QM", control(), segments.toArray(String[]::new));
    }

    private static String swift210(String shipmentId, String reference) {
        return x12(
                "02",
                "SWFT",
                "IM",
                control(),
                "210",
                "B3**X" + control() + "*" + shipmentId + "*PP**" + edi(today()) + "*90000**" + edi(today())
                        + "*035*SWFT",
                "C3*EUR",
                reference,
                "LX*1",
                "L1*1*900.00*FR*90000****400",
                "L3*****90000");
    }

    private static String swift990(String shipmentId) {
        return x12("02", "SWFT", "GF", control(), "990", "B1*SWFT*" + shipmentId + "*20261120*A");
    }

    /** ClearPath's CUSRES: a hold of an entry, naming a shipment by one reference. */
    private static String cusres(String reference) {
        String control = control().substring(0, 9);
        return "UNA:+.? 'UNB+UNOC:3+CLEARPATH:ZZZ+5412345000013:14+261120:0930+" + control
                + "'UNH+1+CUSRES:D:96A:UN'BGM+962+E" + control + "+9'DTM+137:20270106:102'RFF+ABT:E" + control + "'"
                + reference + "'GIS+2'UNT+7+1'UNZ+1+" + control + "'";
    }

    private static String notice(String shipmentId, String po, String line, String references) {
        return """
                {"shipmentId": "%s", "shipDate": "%s", "references": %s,
                 "lines": [{"poNumber": "%s", "lineNumber": "%s", "quantity": 1, "unit": "EA"}]}
                """
                .formatted(shipmentId, today(), references, po, line);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
