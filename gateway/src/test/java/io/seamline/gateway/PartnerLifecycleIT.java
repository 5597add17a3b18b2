package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner's lifecycle end to end: a new partner is TESTING; its test documents (ISA15 = T, UNB 0035 = 1, the
 * {@code Seamline-Test} header, credentials issued for testing) run the real pipeline and change nothing of
 * production, yet get their acknowledgement with the test indicator and tick the scenarios of its certification
 * board; production documents of a type not LIVE are tested or refused, as the partner's terms say; ops take a type
 * LIVE (its checklist complete, or overridden with a reason) and the next production document changes the PO.
 */
class PartnerLifecycleIT extends PipelineGatewayIT {

    private static String digits() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
    }

    /** A new X12 supplier, onboarded without a state (so TESTING), answering on an HTTP channel of the test's. */
    private String onboardX12Supplier(String id, String sender, String extra) {
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Nova Parts %s", "role": "SUPPLIER"%s,
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}],
                 "channels": [{"kind": "HTTP", "address": "%s", "settings": {"standard": "X12"}}]}
                """
                        .formatted(id, id, extra, sender, OUTSIDE.url("/edi/" + id)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        return id;
    }

    /** An 855 accepting line 1 of the PO (10 × 2.50) for {@code date}; {@code usage} is ISA15 (T or P). */
    private static String acknowledgement(String sender, String po, String control, String date, String usage) {
        return x12(
                        "ZZ",
                        sender,
                        "PR",
                        control,
                        "855",
                        "BAK*00*AC*" + po + "*" + edi(today()),
                        "PO1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                        "ACK*IA*10*EA*068*" + date,
                        "CTT*1")
                .replace("*0*P*>~", "*0*" + usage + "*>~");
    }

    private JsonNode board(String partner, String user) {
        var response = get("/api/v1/partners/" + partner + "/certification", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode document(JsonNode board, String direction, String type) {
        for (JsonNode document : board.path("documents")) {
            if (document.path("direction").asText().equals(direction)
                    && document.path("documentType").asText().equals(type)) {
                return document;
            }
        }
        throw new AssertionError("no " + direction + " " + type + " on the board: " + board);
    }

    private static JsonNode scenario(JsonNode document, String name) {
        for (JsonNode scenario : document.path("scenarios")) {
            if (scenario.path("name").asText().equals(name)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + name + ": " + document);
    }

    private String raw(String messageId) {
        return get("/api/v1/messages/" + messageId + "/raw", OPS).body();
    }

    private JsonNode order(String po) {
        return json(get("/api/v1/purchase-orders/" + po, OPS));
    }

    private JsonNode openTasks(String po) {
        return json(get("/api/v1/tasks?status=OPEN&subject=po/" + po, OPS)).path("items");
    }

    private HttpResponse<String> changeState(String partner, String direction, String type, String body, String user) {
        return post("/api/v1/partners/" + partner + "/certification/" + direction + "/" + type + "/state", user, body);
    }

    @Test
    void aTestingSuppliersDocumentsChangeNothingOfProductionUntilOpsTakeItsTypeLive() {
        String digits = digits();
        String partner = onboardX12Supplier("nova-" + digits, "NOVA" + digits, "");
        String sender = "NOVA" + digits;

        // onboarded without a state: TESTING for the document types of its channel
        JsonNode board = board(partner, OPS);
        assertThat(board.path("state").asText()).isEqualTo("ONBOARDING");
        JsonNode acks = document(board, "INBOUND", "855");
        assertThat(acks.path("state").asText()).isEqualTo("TESTING");
        assertThat(acks.path("scenarios").findValuesAsText("name"))
                .containsExactly("accept-all", "accept-with-changed-date", "reject-a-line");
        assertThat(document(board, "OUTBOUND", "850").path("state").asText()).isEqualTo("TESTING");
        assertThat(document(board, "INBOUND", "envelope:X12").path("scenarios").findValuesAsText("name"))
                .contains("sender-and-receiver", "control-numbers-increase");

        // the PO goes to the partner as a test 850 while outbound 850 is TESTING
        String po = "47" + digits;
        importOrder(po, partner);
        await().atMost(Duration.ofSeconds(20)).until(() -> OUTSIDE.requests("/edi/" + partner).stream()
                .anyMatch(r -> r.body().contains("ST*850")));
        String placed = OUTSIDE.requests("/edi/" + partner).stream()
                .filter(r -> r.body().contains("ST*850"))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(placed.substring(0, placed.indexOf('~'))).endsWith("*T*>");
        JsonNode before = order(po);

        // a test 855 with a slipped date: the real pipeline, no production change, a 997 with T, a scenario ticked
        String testControl = control();
        JsonNode test = process(OPS, acknowledgement(sender, po, testControl, edi(today().plusDays(15)), "T"));

        assertThat(test.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(test.path("test").asBoolean()).isTrue();
        assertThat(test.path("wouldHave").findValuesAsText("effect")).isNotEmpty();
        assertThat(test.path("wouldHave").toString()).contains(po);
        assertThat(order(po)).isEqualTo(before);
        assertThat(openTasks(po)).isEmpty();
        String ack = raw(test.path("acknowledgementMessageId").asText());
        assertThat(ack).contains("ST*997");
        assertThat(ack.substring(0, ack.indexOf('~'))).contains("*T*");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scenario(document(board(partner, OPS), "INBOUND", "855"), "accept-with-changed-date")
                        .path("passed")
                        .asBoolean());
        JsonNode ticked = scenario(document(board(partner, OPS), "INBOUND", "855"), "accept-with-changed-date");
        assertThat(ticked.path("messageId").asText()).isEqualTo(test.path("id").asText());
        assertThat(ticked.path("at").asText()).isNotBlank();
        assertThat(scenario(document(board(partner, OPS), "INBOUND", "855"), "reject-a-line")
                        .path("passed")
                        .asBoolean())
                .isFalse();
        // a broken test document ticks nothing, and says why in the segment's and element's words
        JsonNode broken = process(OPS, acknowledgement(sender, po, control(), "2026XX01", "T"));
        assertThat(broken.path("status").asText()).isEqualTo("REJECTED");
        JsonNode failed = scenario(document(board(partner, OPS), "INBOUND", "855"), "reject-a-line");
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("lastMessageId").asText())
                .isEqualTo(broken.path("id").asText());
        assertThat(failed.path("lastDetail").asText()).contains("ACK");
        // a scenario once passed stays passed
        assertThat(scenario(document(board(partner, OPS), "INBOUND", "855"), "accept-with-changed-date")
                        .path("passed")
                        .asBoolean())
                .isTrue();

        // a production 855 before go-live is processed as a test (the default terms)
        JsonNode early = process(OPS, acknowledgement(sender, po, control(), edi(today().plusDays(10)), "P"));
        assertThat(early.path("test").asBoolean()).isTrue();
        assertThat(order(po)).isEqualTo(before);

        // go-live is a decision: not with the checklist open, unless overridden with a reason
        var incomplete = changeState(partner, "inbound", "855", "{\"state\": \"LIVE\", \"reason\": \"ready\"}", OPS);
        assertThat(incomplete.statusCode()).isEqualTo(409);
        assertThat(incomplete.body()).contains("reject-a-line");
        var noReason = changeState(partner, "inbound", "855", "{\"state\": \"LIVE\", \"override\": true}", OPS);
        assertThat(noReason.statusCode()).isEqualTo(400);
        var live = changeState(
                partner,
                "inbound",
                "855",
                "{\"state\": \"LIVE\", \"reason\": \"rejections are not used with Nova\", \"override\": true}",
                OPS);
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(json(live).path("state").asText()).isEqualTo("LIVE");
        assertThat(json(live).path("reason").asText()).isEqualTo("rejections are not used with Nova");
        JsonNode timeline = json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS));
        assertThat(timeline.toString()).doesNotContain("Nova Parts");

        // the next production 855 changes the PO; test and production control numbers are separate sequences, so
        // reusing the test's is no duplicate
        JsonNode production = process(OPS, acknowledgement(sender, po, testControl, edi(today().plusDays(10)), "P"));
        assertThat(production.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(production.path("test").asBoolean()).isFalse();
        assertThat(production.path("wouldHave").isMissingNode()
                        || production.path("wouldHave").isNull())
                .isTrue();
        assertThat(order(po).path("lines").get(0).path("status").asText()).isEqualTo("CONFIRMED");
        // while a test one still changes nothing
        JsonNode after = order(po);
        process(OPS, acknowledgement(sender, po, control(), edi(today().plusDays(30)), "T"));
        assertThat(order(po)).isEqualTo(after);
    }

    @Test
    void aPartnerWhoseTermsRefuseProductionBeforeGoLiveGetsARejectingAcknowledgementThatSaysWhy() {
        String digits = digits();
        String partner = onboardX12Supplier("strict-" + digits, "STRICT" + digits, ", \"notLive\": \"REFUSE\"");
        String po = "48" + digits;
        importOrder(po, partner);
        JsonNode before = order(po);

        JsonNode refused =
                process(OPS, acknowledgement("STRICT" + digits, po, control(), edi(today().plusDays(10)), "P"));

        String ack = raw(refused.path("acknowledgementMessageId").asText());
        assertThat(ack).contains("AK5*R");
        assertThat(refused.path("statusReason").asText()).contains("refused until it goes LIVE");
        assertThat(order(po)).isEqualTo(before);
        // a test interchange is still welcome
        JsonNode test = process(OPS, acknowledgement("STRICT" + digits, po, control(), edi(today().plusDays(10)), "T"));
        assertThat(test.path("test").asBoolean()).isTrue();
        assertThat(raw(test.path("acknowledgementMessageId").asText())).contains("AK5*A");
        assertThat(order(po)).isEqualTo(before);
    }

    @Test
    void anEdifactPartnersTestInterchangeRunsWithoutEffectsAndItsControlSaysTest() {
        String digits = digits();
        String gln = "579" + String.format("%010d", Long.parseLong(digits));
        String partner = "fjord-" + digits;
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Fjord Parts %s", "role": "SUPPLIER",
                 "identifiers": [{"scheme": "EDIFACT", "qualifier": "14", "value": "%s"}],
                 "channels": [{"kind": "HTTP", "address": "%s", "settings": {"standard": "EDIFACT"}}]}
                """
                        .formatted(partner, digits, gln, OUTSIDE.url("/edi/" + partner)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        assertThat(document(board(partner, OPS), "INBOUND", "ORDRSP")
                        .path("state")
                        .asText())
                .isEqualTo("TESTING");
        String po = "49" + digits;
        importOrder(po, partner);
        JsonNode before = order(po);
        String control = String.format("%014d", Long.parseLong(digits));
        String ordrsp = "UNA:+.? 'UNB+UNOC:3+" + gln + ":14+5412345000013:14+261120:0930+" + control
                + "+++++1+1'UNH+1+ORDRSP:D:96A:UN'BGM+231+R-" + digits + "+29'DTM+137:20261120:102'RFF+ON:" + po
                + "'UNS+S'UNT+6+1'UNZ+1+" + control + "'";

        JsonNode test = process(OPS, ordrsp);

        assertThat(test.path("test").asBoolean()).as(test.toString()).isTrue();
        assertThat(order(po)).isEqualTo(before);
        assertThat(openTasks(po)).isEmpty();
        String contrl = raw(test.path("acknowledgementMessageId").asText());
        assertThat(contrl).contains("CONTRL");
        String unb = contrl.substring(contrl.indexOf("UNB"), contrl.indexOf('\'', contrl.indexOf("UNB")));
        assertThat(unb).endsWith("+1");
    }

    @Test
    void aLivePartnersTestCallsByHeaderOrTestCredentialsChangeNothingOfProduction() {
        String po = "45" + digits();
        importOrder(po, "acme-supply");
        JsonNode before = order(po);
        String answer = "{\"ackType\": \"ACCEPTED\", \"lines\": [{\"lineNumber\": \"1\", \"status\": \"ACCEPTED\","
                + " \"quantity\": 10, \"promisedDate\": \"%s\"}]}";
        String body = answer.formatted(today().plusDays(12));

        var byHeader = new GatewayClient(port)
                .call(
                        "POST",
                        "/api/v1/purchase-orders/" + po + "/acknowledgement",
                        "acme:acme",
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of("Seamline-Test", "true"));
        var byCredentials = post("/api/v1/purchase-orders/" + po + "/acknowledgement", "acme-test:acme-test", body);
        var unclear = new GatewayClient(port)
                .call(
                        "POST",
                        "/api/v1/purchase-orders/" + po + "/acknowledgement",
                        "acme:acme",
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of("Seamline-Test", "yes"));

        assertThat(byHeader.statusCode()).as(byHeader.body()).isEqualTo(202);
        assertThat(json(byHeader).path("test").asBoolean()).isTrue();
        assertThat(byCredentials.statusCode()).as(byCredentials.body()).isEqualTo(202);
        assertThat(json(byCredentials).path("test").asBoolean()).isTrue();
        // a marker we cannot read is not taken for production
        assertThat(unclear.statusCode()).isEqualTo(400);
        for (var response : java.util.List.of(byHeader, byCredentials)) {
            JsonNode message = awaitEnd(json(response).path("messageId").asText());
            assertThat(message.path("test").asBoolean()).isTrue();
            assertThat(message.path("wouldHave").toString()).contains(po);
            // the partner reads what its own test would have done
            JsonNode own = json(get("/api/v1/messages/" + message.path("id").asText(), "acme:acme"));
            assertThat(own.path("wouldHave").isArray()).isTrue();
            assertThat(own.path("wouldHave").toString()).contains(po);
            // our decisions and their limits are ours: ops read them, the partner does not
            assertThat(message.path("wouldHave").toString()).contains("maxSlipDays");
            assertThat(own.path("wouldHave").toString()).doesNotContain("maxSlipDays");
        }
        assertThat(order(po)).isEqualTo(before);
        assertThat(openTasks(po)).isEmpty();
        // and the same call without the marker is production
        var production = post("/api/v1/purchase-orders/" + po + "/acknowledgement", "acme:acme", body);
        assertThat(production.statusCode()).isEqualTo(202);
        assertThat(json(production).has("test")).isFalse();
        awaitEnd(json(production).path("messageId").asText());
        assertThat(order(po)).isNotEqualTo(before);
    }

    @Test
    void aTestDocumentNeverCountsInProductionFigures() {
        String digits = digits();
        String partner = onboardX12Supplier("count-" + digits, "COUNT" + digits, "");
        String po = "44" + digits;
        importOrder(po, partner);
        JsonNode expectationsBefore = json(get("/api/v1/sla/expectations?partnerId=" + partner, OPS));

        process(OPS, acknowledgement("COUNT" + digits, po, control(), edi(today().plusDays(15)), "T"));
        // a broken test interchange is no rejected production document either
        process(OPS, acknowledgement("COUNT" + digits, po, control(), "2026XX01", "T"));

        // the partner has sent nothing but tests: no workflow of its counts, no document of its was rejected
        assertThat(json(get("/api/v1/metrics/autonomy", OPS)).path("byPartner").has(partner))
                .isFalse();
        JsonNode rejected = json(get("/api/v1/partners/" + partner + "/scorecard", OPS))
                .path("measures")
                .path("documentsRejected");
        assertThat(rejected.path("total").isNumber()).as(rejected.toString()).isTrue();
        assertThat(rejected.path("total").asLong()).isZero();
        assertThat(json(get("/api/v1/sla/expectations?partnerId=" + partner, OPS))
                        .path("items"))
                .isEqualTo(expectationsBefore.path("items"));
    }

    @Test
    void onlyOpsChangeAStateAndAPartnerReadsOnlyItsOwnBoard() {
        assertThat(get("/api/v1/partners/acme-supply/certification", "acme:acme")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/partners/nordic-components/certification", "acme:acme")
                        .statusCode())
                .isEqualTo(404);
        assertThat(changeState(
                                "acme-supply",
                                "inbound",
                                "855",
                                "{\"state\": \"SUSPENDED\", \"reason\": \"mine\"}",
                                "acme:acme")
                        .statusCode())
                .isEqualTo(403);
        assertThat(changeState("acme-supply", "sideways", "855", "{\"state\": \"LIVE\", \"reason\": \"x\"}", OPS)
                        .statusCode())
                .isEqualTo(400);
        assertThat(changeState("acme-supply", "inbound", "855", "{\"state\": \"BANANA\", \"reason\": \"x\"}", OPS)
                        .statusCode())
                .isEqualTo(400);
        // demo partners were trading before Seamline: LIVE
        assertThat(document(board("acme-supply", OPS), "INBOUND", "855")
                        .path("state")
                        .asText())
                .isEqualTo("LIVE");
        // onboarding LIVE needs a reason
        var noReason = post(
                "/api/v1/partners",
                OPS,
                "{\"id\": \"live-" + digits() + "\", \"name\": \"Live\", \"role\": \"SUPPLIER\", \"state\": \"LIVE\","
                        + " \"channels\": [{\"kind\": \"PORTAL\"}]}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("stateReason");
        var unknownScenario = post(
                "/api/v1/partners",
                OPS,
                "{\"id\": \"odd-" + digits() + "\", \"name\": \"Odd\", \"role\": \"SUPPLIER\","
                        + " \"checklists\": {\"855\": [\"be-nice\"]}, \"channels\": [{\"kind\": \"PORTAL\"}]}");
        assertThat(unknownScenario.statusCode()).isEqualTo(400);
        assertThat(unknownScenario.body()).contains("be-nice");
    }

    private static String messageIdIn(String page) {
        var matcher = java.util.regex.Pattern.compile("/portal/messages/([0-9a-f-]{36})")
                .matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no message on the page: " + page);
        }
        return matcher.group(1);
    }

    @Test
    void aPortalUserInTestModeSendsTestsUploadsTestFilesAndSeesItsOwnBoard() {
        String po = "43" + digits();
        importOrder(po, "acme-supply");
        JsonNode before = order(po);
        PortalSession acme = PortalSession.signIn(port, "acme", "acme");
        assertThat(acme.get("/portal/certification").body()).contains("Test mode is off");

        assertThat(acme.post("/portal/test-mode", Map.of("on", "true")).statusCode())
                .isEqualTo(302);
        assertThat(acme.get("/portal/orders/" + po).body()).contains("data-test-mode=\"on\"");
        var answered = acme.post("/portal/orders/" + po + "/acknowledgement", Map.of("ackType", "ACCEPTED"));
        assertThat(answered.statusCode()).isEqualTo(302);
        JsonNode test = awaitEnd(messageIdIn(acme.follow(answered).body()));
        assertThat(test.path("test").asBoolean()).isTrue();
        assertThat(order(po)).isEqualTo(before);

        // a test file, whatever its envelope says
        var uploaded = acme.upload(
                "/portal/certification/upload",
                "855.edi",
                acknowledgement("ACMESUPPLY", po, control(), edi(today().plusDays(10)), "P")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        JsonNode file = awaitEnd(messageIdIn(acme.follow(uploaded).body()));
        assertThat(file.path("test").asBoolean()).isTrue();
        assertThat(order(po)).isEqualTo(before);
        // a test file in another partner's name is not Acme's to send, test or not
        var forged = acme.upload(
                "/portal/certification/upload",
                "855.edi",
                x12(
                                "02",
                                "SWFT",
                                "PR",
                                control(),
                                "855",
                                "BAK*00*AC*" + po + "*" + edi(today()),
                                "PO1*1*10*EA*2.50**BP*WID-100",
                                "CTT*1")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(acme.follow(forged).body()).contains("Not accepted", "but came through acme-supply");
        String board = acme.get("/portal/certification").body();
        assertThat(board).contains("data-document=\"INBOUND/855\"", "data-scenario=\"accept-all\"");
        assertThat(board).doesNotContain("Nova Parts");

        // test mode off: the same answer is production
        acme.post("/portal/test-mode", Map.of("on", "false"));
        assertThat(acme.get("/portal/orders/" + po).body()).doesNotContain("data-test-mode");
        var production = acme.post("/portal/orders/" + po + "/acknowledgement", Map.of("ackType", "ACCEPTED"));
        JsonNode real = awaitEnd(messageIdIn(acme.follow(production).body()));
        assertThat(real.path("test").asBoolean()).isFalse();
        assertThat(order(po)).isNotEqualTo(before);
        // ops' pages are not the partner's
        assertThat(acme.get("/portal/ops/certification").statusCode()).isEqualTo(403);
    }

    @Test
    void opsSeeEveryBoardAndDecideOnAPartnersPage() {
        String digits = digits();
        String partner = onboardX12Supplier("deci-" + digits, "DECI" + digits, "");
        PortalSession ops = PortalSession.signIn(port, "ops", "ops");
        assertThat(ops.get("/portal/ops/certification").body())
                .contains("data-partner=\"" + partner + "\"", "data-partner=\"acme-supply\"");
        String path = "/portal/ops/partners/" + partner + "/certification/inbound/856/state";

        var refused = ops.post(path, Map.of("state", "LIVE", "reason", "looks fine"));
        assertThat(ops.follow(refused).body()).contains("cannot go LIVE yet", "partial");
        assertThat(document(board(partner, OPS), "INBOUND", "856").path("state").asText())
                .isEqualTo("TESTING");

        ops.post(path, Map.of("state", "LIVE", "reason", "ship notices checked by phone", "override", "true"));
        JsonNode shipNotices = document(board(partner, OPS), "INBOUND", "856");
        assertThat(shipNotices.path("state").asText()).isEqualTo("LIVE");
        assertThat(shipNotices.path("reason").asText()).isEqualTo("ship notices checked by phone");
        assertThat(ops.get("/portal/ops/partners/" + partner).body()).contains("ship notices checked by phone");
    }
}
