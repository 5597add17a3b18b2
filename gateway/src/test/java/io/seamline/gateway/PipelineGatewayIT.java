package io.seamline.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with its pipeline on embedded infrastructure, writing back to an ERP that is a real HTTP server
 * started by the test, with quick polling and retries so the flow can be watched. Subclasses share one gateway.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class PipelineGatewayIT {

    static final Path DATA_DIR = GatewayClient.temporaryDataDir("seamline-pipeline-it");

    static final PartnerEndpoint OUTSIDE = PartnerEndpoint.start();

    /** Raw bytes go to S3 here (a real S3 API server), to the data folder in the other gateway tests. */
    static final String BUCKET = "seamline-pipeline";

    static final S3Server S3 = S3Server.start(BUCKET);

    static final String OPS = "ops:ops";

    /** Our SFTP server's port in these tests. */
    static final int SFTP_PORT = freePort();

    /**
     * Ports for partners' own servers started by tests (an AS2 server, an SFTP server), each handed out once: the
     * only loopback targets besides {@link #OUTSIDE} that partner channels may name here.
     */
    private static final java.util.List<Integer> PARTNER_PORTS =
            java.util.stream.IntStream.range(0, 8).mapToObj(i -> freePort()).toList();

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PARTNER_PORT =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A port for a partner's own server on 127.0.0.1 that partner channels may reach in these tests. */
    static int partnerPort() {
        return PARTNER_PORTS.get(NEXT_PARTNER_PORT.getAndIncrement() % PARTNER_PORTS.size());
    }

    static final DateTimeFormatter EDI_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("seamline.data-dir", DATA_DIR::toString);
        registry.add("seamline.blobs.store", () -> "s3");
        registry.add("seamline.blobs.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("seamline.blobs.s3.bucket", () -> BUCKET);
        registry.add("seamline.blobs.s3.prefix", () -> "raw/");
        registry.add("seamline.blobs.s3.path-style", () -> "true");
        registry.add("seamline.blobs.s3.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("seamline.blobs.s3.secret-key", () -> S3Server.SECRET_KEY);
        // retention runs when a test asks, and deletes unreferenced blobs at once
        registry.add("seamline.retention.scheduled", () -> "false");
        registry.add("seamline.retention.blob-grace", () -> "0s");
        registry.add("seamline.erp.write-back.url", () -> OUTSIDE.url("/erp/outcomes"));
        registry.add("seamline.erp.write-back.folder", () -> "");
        registry.add("seamline.pipeline.inbox-poll", () -> "200");
        registry.add("seamline.delivery.poll", () -> "200");
        registry.add("seamline.delivery.initial-backoff", () -> "200ms");
        registry.add("seamline.delivery.max-backoff", () -> "400ms");
        registry.add("seamline.delivery.max-attempts", () -> "3");
        registry.add("seamline.sla.scan-delay", () -> "0");
        // the test's own receiver and the partners' servers tests start are on 127.0.0.1: let webhooks and partner
        // channels reach them, and nothing else inside
        registry.add("seamline.webhooks.allowed-targets", () -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(OUTSIDE.port()), PARTNER_PORTS.stream())
                .map(p -> "127.0.0.1:" + p)
                .collect(java.util.stream.Collectors.joining(",")));
        registry.add("seamline.sla.scan-period", () -> "300");
        registry.add("seamline.sla.scorecard-refresh", () -> "1s");
        registry.add("seamline.sftp.server.enabled", () -> "true");
        registry.add("seamline.sftp.server.port", () -> SFTP_PORT);
        registry.add("seamline.sftp.poll", () -> "200ms");
        registry.add("seamline.sftp.settle", () -> "300ms");
        registry.add("seamline.sftp.refresh", () -> "1000");
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh interchange control number. */
    static String control() {
        return String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    /** Acme's 856 for line 1 of {@code po}: one item, {@code quantity} shipped. */
    static String shipNotice(String po, String quantity) {
        return x12(
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
                "SN1**" + quantity + "*EA",
                "CTT*3");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static String edi(LocalDate date) {
        return date.format(EDI_DATE);
    }

    /** Imports a one-line PO (10 × WID-100, needed in ten days) for a supplier. */
    void importOrder(String po, String partner) {
        var response = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "%s", "currency": "USD", "orderDate": "%s",
                 "lines": [{"lineNumber": "1", "itemId": "WID-100", "partnerItemId": "AC-W100", "quantity": 10,
                            "unit": "EA", "unitPrice": 2.50, "needByDate": "%s"}]}
                """
                        .formatted(po, partner, today(), today().plusDays(10)));
        imported(response, "PO");
    }

    /** Imports a shipment of the carrier swift-freight for a PO, with its references and expected freight. */
    void importShipment(String id, String po, String references, String freight) {
        var response = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "references": %s, "poNumbers": ["%s"],
                 "plannedDelivery": "%s", "expectedFreight": {"amount": %s, "currency": "USD"}}
                """
                        .formatted(id, references, po, today().plusDays(9), freight));
        imported(response, "shipment");
    }

    /** The ERP's import answered 200, else the test stops with what it said. */
    private static void imported(java.net.http.HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new AssertionError(what + " not imported: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * swift-freight's 110 for an air shipment of the PO, named only by its air waybill: 1,375.50 USD, which
     * {@link #importShipment} with that freight expects.
     */
    static String airFreightInvoice(String po, String awb) {
        return x12(
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
                "L1*2**FR*9550****FUE");
    }

    HttpResponse<String> get(String path, String user) {
        return new GatewayClient(port).call("GET", path, user, null, null);
    }

    HttpResponse<String> post(String path, String user, String json) {
        return new GatewayClient(port)
                .call(
                        "POST",
                        path,
                        user,
                        "application/json",
                        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postEdi(String user, String interchange) {
        String type = interchange.startsWith("UN") ? "application/edifact" : "application/edi-x12";
        return new GatewayClient(port)
                .call("POST", "/api/v1/edi", user, type, interchange.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts an interchange and waits until its message is no longer RECEIVED; returns the message. */
    JsonNode process(String user, String interchange) {
        var response = postEdi(user, interchange);
        if (response.statusCode() != 202) {
            throw new AssertionError("not accepted: " + response.statusCode() + " " + response.body());
        }
        return awaitEnd(json(response).path("messageId").asText());
    }

    JsonNode awaitEnd(String messageId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !"RECEIVED"
                        .equals(json(get("/api/v1/messages/" + messageId, OPS))
                                .path("status")
                                .asText()));
        return json(get("/api/v1/messages/" + messageId, OPS));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** An X12 interchange from {@code qualifier:sender} to us with one group of one set. */
    static String x12(String qualifier, String sender, String functionalId, String control, String... segments) {
        String isa = "ISA*00*          *00*          *" + qualifier + "*" + pad(sender) + "*ZZ*" + pad("SEAMLINEBUYER")
                + "*261122*0930*U*00401*" + control + "*0*P*>~";
        String group = control.replaceFirst("^0+", "");
        var body = new StringBuilder();
        body.append(isa).append("\n");
        body.append("GS*")
                .append(functionalId)
                .append("*")
                .append(sender)
                .append("*SEAMLINEBUYER*20261122*0930*")
                .append(group)
                .append("*X*004010~\n");
        body.append("ST*").append(segments[0]).append("*0001~\n");
        for (int i = 1; i < segments.length; i++) {
            body.append(segments[i]).append("~\n");
        }
        body.append("SE*").append(segments.length + 1).append("*0001~\n");
        body.append("GE*1*").append(group).append("~\n");
        body.append("IEA*1*").append(control).append("~\n");
        return body.toString();
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }
}
