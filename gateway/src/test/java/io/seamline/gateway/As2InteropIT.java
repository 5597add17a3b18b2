package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.seamline.mappings.as2.Certificates;
import io.seamline.mappings.as2.KeyEntry;
import io.seamline.mappings.as2.SelfSigned;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * AS2 against an independent implementation (phax's as2-lib from Maven Central) as the partner, in both directions:
 * signed and encrypted with a synchronous MDN, compressed, an asynchronous MDN, and every failure answered with the
 * disposition that names it — an unknown certificate, an expired one, a bad signature, a tampered payload, a message
 * we cannot decrypt — and a resent Message-ID answered with its first MDN and no second effect.
 */
class As2InteropIT extends PipelineGatewayIT {

    static final Instant NOW = Instant.now();

    /** A new AS2 partner of ours: onboarded, its certificate on file, and as2-lib speaking for it. */
    private As2Partner partner(String channelSettings, String as2Address) {
        As2Partner partner = newPartner();
        onboard(partner, channelSettings, as2Address, partner.certificate());
        return partner;
    }

    /** A trading partner with a new key, not yet onboarded (its AS2 server may have to start first). */
    private As2Partner newPartner() {
        String as2Id = "PARTNER" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000);
        KeyEntry key = SelfSigned.create(as2Id, as2Id, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        return new As2Partner(as2Id, key, ourCertificate());
    }

    /** Our id of a partner as2-lib speaks for. */
    private static String idOf(As2Partner partner) {
        return "as2-partner-" + partner.as2Id.replace("PARTNER", "");
    }

    /** Onboards the partner with an AS2 channel at {@code address} and these certificates on file; returns its id. */
    private String onboard(
            As2Partner partner, String channelSettings, String address, X509Certificate... certificates) {
        String id = idOf(partner);
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "AS2 Partner %s", "role": "SUPPLIER", "state": "LIVE", "stateReason": "moved from our old gateway",
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}, {"scheme": "AS2", "value": "%s"}],
                 "channels": [{"kind": "AS2", "address": "%s",
                               "settings": {"standard": "X12", "version": "004010", %s}}]}
                """
                        .formatted(
                                id,
                                partner.as2Id,
                                partner.as2Id.replace("PARTNER", "AS2P"),
                                partner.as2Id,
                                address,
                                channelSettings));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        for (X509Certificate certificate : certificates) {
            addCertificate(id, certificate);
        }
        return id;
    }

    private void addCertificate(String partner, X509Certificate certificate) {
        var added = post(
                "/api/v1/partners/" + partner + "/certificates",
                OPS,
                Json.mapper()
                        .createObjectNode()
                        .put("pem", Certificates.pem(certificate))
                        .toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    private X509Certificate ourCertificate() {
        var pem = get("/as2/certificate", null);
        assertThat(pem.statusCode()).isEqualTo(200);
        return Certificates.read(pem.body());
    }

    private String url() {
        return "http://localhost:" + port + "/as2";
    }

    /** An 855 from the partner, with its own control number. */
    private static byte[] interchange(As2Partner partner, String control) {
        String x12Id = partner.as2Id.replace("PARTNER", "AS2P");
        return x12("ZZ", x12Id, "PR", control, "855", "BAK*00*AC*PO-" + control + "*20261127")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Our archived message with an AS2 (or mail) Message-ID, as ops see it. */
    private JsonNode messageFor(String partner, String status) {
        JsonNode items = json(get("/api/v1/messages?partnerId=" + partner + "&status=" + status, OPS))
                .path("items");
        return items.size() == 0 ? null : items.get(0);
    }

    @Test
    void aSignedEncryptedMessageIsArchivedAndAnsweredWithASignedMdnWithTheRightMic() {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String control = control();
            var sent = partner.send(url(), interchange(partner, control), As2Partner.Sending.signedAndEncrypted());

            assertThat(sent.response().hasException())
                    .as(String.valueOf(sent.response().getException()))
                    .isFalse();
            assertThat(sent.disposition()).contains("processed").doesNotContain("error");
            assertThat(sent.response().getMDNVerificationCertificate()).isNotNull();
            assertThat(sent.micMatched())
                    .as("as2-lib found the MIC it expected in our MDN")
                    .isTrue();
            String partnerId = idOf(partner);
            JsonNode message =
                    awaitEnd(json(get("/api/v1/messages?partnerId=" + partnerId + "&controlNumber=" + control, OPS))
                            .path("items")
                            .get(0)
                            .path("id")
                            .asText());
            assertThat(message.path("status").asText()).isEqualTo("PROCESSED");
            assertThat(message.path("transport").asText()).isEqualTo("as2");
        }
    }

    @Test
    void aCompressedMessageWithAnAsynchronousMdn() throws Exception {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String path = "/as2-mdn/" + partner.as2Id;
            var sent = partner.send(
                    url(),
                    interchange(partner, control()),
                    As2Partner.Sending.signedAndEncrypted().compressed().asyncTo(OUTSIDE.url(path)));
            assertThat(sent.response().hasException())
                    .as(String.valueOf(sent.response().getException()))
                    .isFalse();

            // the MDN follows on its own, signed with our key
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !OUTSIDE.requests(path).isEmpty());
            var mdn = OUTSIDE.requests(path).get(0);
            assertThat(mdn.headers().get("as2-from")).isEqualTo("SEAMLINE");
            assertThat(mdn.headers().get("as2-to")).isEqualTo(partner.as2Id);
            assertThat(mdn.contentType()).startsWith("multipart/signed");
            assertThat(mdn.body())
                    .contains("processed")
                    .contains("Received-Content-MIC")
                    .doesNotContain("error");
            assertThat(Signatures.verified(mdn.contentType(), mdn.raw(), ourCertificate()))
                    .isTrue();
        }
    }

    @Test
    void everyFailureGetsTheDispositionThatNamesIt() throws Exception {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            KeyEntry stranger = SelfSigned.create(
                    partner.as2Id, "STRANGER", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

            // signed with a certificate we do not hold for the partner
            assertThat(partner.send(
                                    url(),
                                    interchange(partner, control()),
                                    As2Partner.Sending.signedAndEncrypted().signedBy(stranger))
                            .disposition())
                    .contains("error: authentication-failed");
            // encrypted to a certificate that is not ours
            assertThat(partner.send(
                                    url(),
                                    interchange(partner, control()),
                                    As2Partner.Sending.signedAndEncrypted().encryptedTo(stranger.certificate()))
                            .disposition())
                    .contains("error: decryption-failed");
            // the content changed on the way, after it was signed
            try (var tamper = Tamper.forward(url(), body -> body.replace("*AC*PO-", "*RJ*PO-"))) {
                assertThat(partner.send(
                                        tamper.url(),
                                        interchange(partner, control()),
                                        As2Partner.Sending.signedAndEncrypted().unencrypted())
                                .disposition())
                        .contains("error: integrity-check-failed");
            }
            // the signature itself broken
            try (var tamper = Tamper.forward(url(), Tamper::breakSignature)) {
                assertThat(partner.send(
                                        tamper.url(),
                                        interchange(partner, control()),
                                        As2Partner.Sending.signedAndEncrypted().unencrypted())
                                .disposition())
                        .contains("error: authentication-failed");
            }
            String partnerId = idOf(partner);
            JsonNode rejected = json(get("/api/v1/messages?partnerId=" + partnerId + "&status=REJECTED", OPS))
                    .path("items");
            assertThat(rejected.size()).isEqualTo(4);
            assertThat(rejected.toString()).contains("certificate we do not hold", "no key of ours");
        }
    }

    @Test
    void aMessageSignedWithACertificateThatHasSinceExpiredIsRefused() throws Exception {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String partnerId = idOf(partner);
            KeyEntry expiring = SelfSigned.create(
                    partner.as2Id,
                    partner.as2Id,
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plusSeconds(3));
            addCertificate(partnerId, expiring.certificate());
            // as2-lib signs while the certificate is valid (it refuses to sign with an expired one) ...
            Tamper.Captured captured;
            try (var hold = Tamper.capture()) {
                partner.send(
                        hold.url(),
                        interchange(partner, control()),
                        As2Partner.Sending.signedAndEncrypted().signedBy(expiring));
                captured = hold.captured();
            }
            // ... and the message reaches us after it expired
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now()
                    .isAfter(expiring.certificate().getNotAfter().toInstant()));
            HttpResponse<String> mdn = captured.replay(url());

            assertThat(mdn.statusCode()).isEqualTo(200);
            assertThat(mdn.body()).contains("processed/error: authentication-failed");
            assertThat(messageFor(partnerId, "REJECTED").path("statusReason").asText())
                    .contains("valid from");
        }
    }

    @Test
    void anUnsignedMessageIsRefusedUnlessThePartnersAgreementExplicitlyTakesThem() {
        try (As2Partner withCertificate = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused");
                As2Partner withoutCertificate = newPartner();
                As2Partner optedOut = newPartner()) {
            String bare = onboard(withoutCertificate, "\"sign\": \"sha-256\"", "https://as2.partner.example/unused");
            String open = onboard(
                    optedOut, "\"sign\": \"sha-256\", \"acceptUnsigned\": \"true\"", "https://as2.partner.example/u");
            var unsigned = As2Partner.Sending.signedAndEncrypted().unsigned();

            // with a certificate on file, or none at all: whoever can reach /as2 cannot speak for the partner
            for (As2Partner partner : List.of(withCertificate, withoutCertificate)) {
                As2Partner.Sent sent = partner.send(url(), interchange(partner, control()), unsigned);
                assertThat(sent.disposition()).contains("authentication-failed");
                assertThat(messageFor(idOf(partner), "REJECTED")).isNotNull();
                assertThat(messageFor(idOf(partner), "PROCESSED")).isNull();
            }
            // an agreement that says so takes them, and the partner's page says it loudly
            As2Partner.Sent taken = optedOut.send(url(), interchange(optedOut, control()), unsigned);
            assertThat(taken.disposition()).doesNotContain("error").contains("processed");
            assertThat(get("/portal/ops/partners/" + open, OPS).body()).contains("data-warning=\"unsigned-as2\"");
            assertThat(get("/portal/ops/partners/" + bare, OPS).body()).doesNotContain("data-warning=\"unsigned-as2\"");
        }
    }

    @Test
    void anUnsignedMessageInTheNameOfAPartnerWithoutACertificateChangesNothing() throws Exception {
        Victim victim = Victim.create(port);
        Victim.Snapshot before = victim.snapshot();
        String control =
                String.format("%014d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000_000L));
        // Nordic has no certificate on file: an unsigned ORDRSP in its name, rejecting its PO
        String ordrsp = "UNA:+.? 'UNB+UNOC:3+5790000000012:14+5412345000013:14+261120:0930+" + control
                + "'UNH+1+ORDRSP:D:96A:UN'BGM+231+R-" + control + "+27'DTM+137:20261120:102'RFF+ON:" + victim.po()
                + "'UNS+S'UNT+6+1'UNZ+1+" + control + "'";
        HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url()))
                                .header("AS2-From", "NORDICCOMP")
                                .header("AS2-To", "SEAMLINE")
                                .header("AS2-Version", "1.2")
                                .header("Message-ID", "<forged-" + control + "@nordic>")
                                .header("Content-Type", "application/edifact")
                                .header("Disposition-Notification-To", "edi@attacker.example")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ordrsp))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).contains("authentication-failed");
        JsonNode refused = json(get("/api/v1/messages?partnerId=nordic-components&status=REJECTED&limit=20", OPS));
        assertThat(refused.toString()).contains("not signed");
        victim.assertUntouched(before, List.of(), List.of("attacker.example"), List.of("acme:acme", "swift:swift"));
    }

    @Test
    void anAs2PartnersDocumentNamingAnotherPartnersPurchaseOrderMatchesNothing() {
        Victim victim = Victim.create(port);
        Victim.Snapshot before = victim.snapshot();
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String x12Id = partner.as2Id.replace("PARTNER", "AS2P");
            byte[] rejection = x12(
                            "ZZ",
                            x12Id,
                            "PR",
                            control(),
                            "855",
                            "BAK*00*RJ*" + victim.po() + "*20261127",
                            "PO1*10*100*EA*3.10**BP*BRG-6204",
                            "ACK*IR*0*EA")
                    .getBytes(StandardCharsets.US_ASCII);

            As2Partner.Sent sent = partner.send(url(), rejection, As2Partner.Sending.signedAndEncrypted());

            assertThat(sent.disposition()).doesNotContain("error");
            String id = await().atMost(Duration.ofSeconds(20))
                    .until(() -> messageFor(idOf(partner), "PROCESSED"), m -> m != null)
                    .path("id")
                    .asText();
            assertThat(json(get("/api/v1/tasks?kind=UNMATCHED_MESSAGE&subject=message/" + id, OPS))
                            .path("total")
                            .asInt())
                    .isEqualTo(1);
            victim.assertUntouched(before, List.of(id), List.of(idOf(partner)), List.of());
        }
    }

    @Test
    void aResentMessageIdGetsItsFirstMdnAgainAndNoSecondEffect() {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String partnerId = idOf(partner);
            String control = control();
            var sending =
                    As2Partner.Sending.signedAndEncrypted().withMessageId("resend-" + control + "@" + partner.as2Id);

            var first = partner.send(url(), interchange(partner, control), sending);
            var again = partner.send(url(), interchange(partner, control), sending);

            assertThat(first.disposition()).contains("processed").doesNotContain("error");
            assertThat(again.disposition()).isEqualTo(first.disposition());
            assertThat(again.micMatched()).isTrue();
            JsonNode byControl = json(get("/api/v1/messages?partnerId=" + partnerId + "&controlNumber=" + control, OPS))
                    .path("items");
            assertThat(byControl.size()).as("one interchange archived").isEqualTo(1);
            assertThat(messageFor(partnerId, "DUPLICATE").path("statusReason").asText())
                    .contains("was received before");
        }
    }

    @Test
    void ourPurchaseOrderReachesThePartnersAs2ServerAndItsSignedMdnIsChecked() {
        try (As2Partner partner = newPartner()) {
            String address = partner.listen();
            String id = onboard(
                    partner,
                    "\"sign\": \"sha-256\", \"encrypt\": \"aes256-cbc\", \"compress\": \"true\", \"mdn\": \"sync\"",
                    address,
                    partner.certificate());

            String po = "45006"
                    + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
            importOrder(po, id);

            // the 850 arrives at the partner's AS2 server, decrypted and verified by as2-lib
            await().atMost(Duration.ofSeconds(20)).until(() -> partner.received.stream()
                    .anyMatch(b -> new String(b, StandardCharsets.US_ASCII).contains("BEG*00*SA*" + po)));
            // its MDN is checked: signed by the partner, processed, the MIC of what we sent
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS))
                            .toString()
                            .contains("processed, MIC matches"));
            JsonNode ours = json(get("/api/v1/messages?partnerId=" + id + "&direction=OUTBOUND", OPS))
                    .path("items");
            assertThat(ours.toString()).contains("\"status\":\"DELIVERED\"", "\"documentType\":\"850\"");
        }
    }

    @Test
    void anAsynchronousMdnMeetsTheExpectationOurMessageOpened() {
        try (As2Partner partner = newPartner()) {
            String address = partner.listen();
            String id = onboard(partner, "\"mdn\": \"async\"", address, partner.certificate());

            String po = "45004"
                    + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
            importOrder(po, id);

            // the MDN owed for our 850 is an expectation until as2-lib posts it to /as2/mdn
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> json(get("/api/v1/sla/expectations?kind=as2.mdn&partnerId=" + id, OPS))
                            .toString()
                            .contains("\"status\":\"FULFILLED\""));
            assertThat(json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS))
                            .toString())
                    .contains("processed, MIC matches");
        }
    }

    @Test
    void duringARolloverTheOldAndTheNewCertificateAreBothAcceptedAndExpiryIsWatched() {
        try (As2Partner partner = partner("\"sign\": \"sha-256\"", "https://as2.partner.example/unused")) {
            String partnerId = idOf(partner);
            KeyEntry next = SelfSigned.create(
                    partner.as2Id,
                    partner.as2Id + " 2027",
                    NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofDays(730)));
            addCertificate(partnerId, next.certificate());

            assertThat(partner.send(url(), interchange(partner, control()), As2Partner.Sending.signedAndEncrypted())
                            .disposition())
                    .doesNotContain("error");
            assertThat(partner.send(
                                    url(),
                                    interchange(partner, control()),
                                    As2Partner.Sending.signedAndEncrypted().signedBy(next))
                            .disposition())
                    .doesNotContain("error");

            // the newer certificate renews the older one; its own renewal is due when it expires
            JsonNode renewals = json(get(
                            "/api/v1/sla/expectations?kind=certificate.renewal&partnerId=" + partnerId, OPS))
                    .path("items");
            assertThat(renewals.size()).isEqualTo(2);
            assertThat(renewals.toString()).contains("\"status\":\"FULFILLED\"", "\"status\":\"OPEN\"");

            // a certificate that expires within the warning period is warned of
            KeyEntry soon = SelfSigned.create(
                    partner.as2Id,
                    partner.as2Id + " short",
                    NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofDays(10)));
            String other = idOf(partner);
            addCertificate(other, soon.certificate());
            await().atMost(Duration.ofSeconds(20)).until(() -> json(get(
                            "/api/v1/sla/expectations?kind=certificate.renewal&partnerId=" + partnerId, OPS))
                    .toString()
                    .contains("\"warnedAt\":\""));
        }
    }

    @Test
    void anErrorMdnFromThePartnerFailsOurMessageForAPerson() {
        // a newer certificate on file that the partner holds no key for: we encrypt to it, the partner cannot decrypt
        KeyEntry notTheirs =
                SelfSigned.create("new", "NEW KEY", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(365)));
        try (As2Partner partner = newPartner()) {
            String address = partner.listen();
            String id = onboard(partner, "\"mdn\": \"sync\"", address, partner.certificate(), notTheirs.certificate());

            String po = "45005"
                    + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
            importOrder(po, id);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> json(get("/api/v1/tasks?status=OPEN&kind=DELIVERY_FAILED&partnerId=" + id, OPS))
                                    .path("items")
                                    .size()
                            == 1);
            assertThat(json(get("/api/v1/tasks?status=OPEN&kind=DELIVERY_FAILED&partnerId=" + id, OPS))
                            .toString())
                    .contains("decryption-failed");
            assertThat(partner.received).isEmpty();
        }
    }

    /** A test HTTP hop that changes an AS2 request on its way to the gateway and relays the answer. */
    static final class Tamper implements AutoCloseable {

        private final HttpServer server;

        private Tamper(HttpServer server) {
            this.server = server;
        }

        static Tamper forward(String target, UnaryOperator<String> change) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                var client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                server.createContext("/", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String changed = change.apply(new String(body, StandardCharsets.ISO_8859_1));
                    var request = HttpRequest.newBuilder(URI.create(target))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    changed.getBytes(StandardCharsets.ISO_8859_1)));
                    exchange.getRequestHeaders().forEach((name, values) -> {
                        if (!java.util.Set.of("host", "content-length", "connection", "expect", "transfer-encoding")
                                .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                            values.forEach(v -> request.header(name, v));
                        }
                    });
                    try {
                        HttpResponse<byte[]> answer =
                                client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        answer.headers().map().forEach((name, values) -> {
                            if (!java.util.Set.of("content-length", "transfer-encoding", "connection", ":status")
                                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                                exchange.getResponseHeaders().put(name, values);
                            }
                        });
                        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                        exchange.getResponseBody().write(answer.body());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        exchange.sendResponseHeaders(502, -1);
                    }
                    exchange.close();
                });
                server.start();
                return new Tamper(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/as2";
        }

        /** An AS2 request as it was sent: its headers and body, to be sent again later. */
        record Captured(java.util.Map<String, java.util.List<String>> headers, byte[] body) {

            HttpResponse<String> replay(String target) throws Exception {
                var request =
                        HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach((name, values) -> {
                    if (!java.util.Set.of("host", "content-length", "connection", "expect", "transfer-encoding")
                            .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                return HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            }
        }

        private final java.util.concurrent.atomic.AtomicReference<Captured> captured =
                new java.util.concurrent.atomic.AtomicReference<>();

        /** A hop that keeps the request and answers 503, so the sender gets nothing back. */
        static Tamper capture() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                var tamper = new Tamper(server);
                server.createContext("/", exchange -> {
                    tamper.captured.set(new Captured(
                            new java.util.HashMap<>(exchange.getRequestHeaders()),
                            exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                });
                server.start();
                return tamper;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Captured captured() {
            return java.util.Objects.requireNonNull(captured.get(), "nothing was sent");
        }

        /** Flips one character of the signature's base64, near its end (the signature value). */
        static String breakSignature(String body) {
            int signature = body.indexOf("application/pkcs7-signature");
            int end = body.lastIndexOf("\r\n--");
            int at = end - 20;
            if (signature < 0 || at <= signature) {
                throw new IllegalStateException("no signature to break");
            }
            char c = body.charAt(at);
            char other = c == 'A' ? 'B' : 'A';
            return body.substring(0, at) + other + body.substring(at + 1);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
