package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail: each kind of change by a person or a system account is an entry with who, when, from where,
 * before and after (secrets masked) and why; only admins read it; nothing changes or deletes an entry.
 */
class AuditIT extends PipelineGatewayIT {

    @Autowired
    JdbcClient jdbc;

    private JsonNode entries(String query) {
        var response = get("/api/v1/audit?" + query, OPS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("items");
    }

    private static JsonNode only(JsonNode items) {
        assertThat(items).as(items.toString()).hasSize(1);
        return items.get(0);
    }

    private String onboard(String id, String extra) {
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Audited Supplies", "role": "SUPPLIER", "state": "LIVE",
                 "stateReason": "moved from our old gateway"%s,
                 "channels": [{"kind": "WEBHOOK", "address": "%s"},
                              {"kind": "SFTP", "address": "sftp://edi.audited.example/in",
                               "settings": {"username": "audited", "password": "{noop}s3cret"}}]}
                """
                        .formatted(id, extra, OUTSIDE.url("/hooks/" + id)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        return id;
    }

    @Test
    void aPartnerProfilesLifeIsAuditedWithItsReasonsAndWithoutItsSecrets() {
        String partner = onboard("aud-" + UUID.randomUUID().toString().substring(0, 8), "");

        JsonNode onboarded = only(entries("partnerId=" + partner + "&kind=PARTNER_ONBOARDED"));
        assertThat(onboarded.path("actor").asText()).isEqualTo("ops");
        assertThat(onboarded.path("via").asText()).isEqualTo("API");
        assertThat(onboarded.path("reason").asText()).isEqualTo("moved from our old gateway");
        assertThat(onboarded.path("after").path("state").asText()).isEqualTo("LIVE");
        assertThat(onboarded.toString()).doesNotContain("s3cret");

        String changed =
                """
                {"id": "%s", "name": "Audited Supplies", "role": "SUPPLIER", %s
                 "channels": [{"kind": "WEBHOOK", "address": "%s"},
                              {"kind": "SFTP", "address": "sftp://edi.audited.example/in",
                               "settings": {"username": "audited", "password": "********"}}],
                 "policy": {"commitment.maxSlipDays": "5"}}
                """;
        var withoutReason = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/" + partner,
                        OPS,
                        "application/json",
                        changed.formatted(partner, "", OUTSIDE.url("/hooks/" + partner))
                                .getBytes());
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(json(withoutReason).path("errors").toString()).contains("reason");
        var withReason = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/" + partner,
                        OPS,
                        "application/json",
                        changed.formatted(
                                        partner,
                                        "\"reason\": \"five days agreed with Audited on 2026-12-01\",",
                                        OUTSIDE.url("/hooks/" + partner))
                                .getBytes());
        assertThat(withReason.statusCode()).as(withReason.body()).isEqualTo(200);

        JsonNode updated = only(entries("partnerId=" + partner + "&kind=PARTNER_UPDATED"));
        assertThat(updated.path("before").path("policy").isEmpty()).isTrue();
        assertThat(updated.path("after")
                        .path("policy")
                        .path("commitment.maxSlipDays")
                        .asText())
                .isEqualTo("5");
        assertThat(updated.path("reason").asText()).isEqualTo("five days agreed with Audited on 2026-12-01");
        assertThat(updated.toString()).doesNotContain("s3cret");

        var lifecycle = post(
                "/api/v1/partners/" + partner + "/certification/inbound/855/state",
                OPS,
                "{\"state\": \"SUSPENDED\", \"reason\": \"sends test files to production\"}");
        assertThat(lifecycle.statusCode()).as(lifecycle.body()).isEqualTo(200);
        JsonNode suspended = only(entries("partnerId=" + partner + "&kind=LIFECYCLE_CHANGED"));
        assertThat(suspended.path("before").path("state").asText()).isEqualTo("LIVE");
        assertThat(suspended.path("after").path("state").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("reason").asText()).isEqualTo("sends test files to production");

        // our own AS2 certificate stands in for the partner's
        String pem = get("/as2/certificate", null).body();
        var added = post(
                "/api/v1/partners/" + partner + "/certificates",
                OPS,
                Json.mapper().createObjectNode().put("pem", pem).toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var removed = new GatewayClient(port)
                .call(
                        "DELETE",
                        "/api/v1/partners/" + partner + "/certificates/"
                                + json(added).path("id").asText(),
                        OPS,
                        null,
                        null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(only(entries("partnerId=" + partner + "&kind=CERTIFICATE_ADDED"))
                        .path("after")
                        .path("fingerprint")
                        .asText())
                .isEqualTo(json(added).path("fingerprint").asText());
        assertThat(only(entries("partnerId=" + partner + "&kind=CERTIFICATE_REMOVED")))
                .isNotNull();
        // newest first, the whole story of the partner
        var kinds = new java.util.ArrayList<String>();
        entries("partnerId=" + partner).forEach(e -> kinds.add(e.path("kind").asText()));
        assertThat(kinds)
                .containsExactly(
                        "CERTIFICATE_REMOVED",
                        "CERTIFICATE_ADDED",
                        "LIFECYCLE_CHANGED",
                        "PARTNER_UPDATED",
                        "PARTNER_ONBOARDED");
    }

    @Test
    void decisionsReprocessingAndImportsAreAuditedWithTheirActor() {
        String po = "42" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        importOrder(po, "bright-textiles");
        var slip = post(
                "/api/v1/purchase-orders/" + po + "/commitments",
                OPS,
                "{\"lines\": [{\"lineNumber\": \"1\", \"promisedDate\": \"%s\"}]}".formatted(today().plusDays(40)));
        String message = json(slip).path("messageId").asText();
        awaitEnd(message);
        String task = json(get("/api/v1/tasks?status=OPEN&kind=COMMITMENT_CHANGE&subject=po/" + po, OPS))
                .path("items")
                .get(0)
                .path("id")
                .asText();

        var decided = post(
                "/api/v1/tasks/" + task + "/decision",
                OPS,
                "{\"decision\": \"REJECT\", \"comment\": \"we need it on time\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        var reprocessed = post("/api/v1/messages/" + message + "/reprocess", OPS, null);
        assertThat(reprocessed.statusCode()).isEqualTo(202);

        JsonNode decision =
                entries("kind=TASK_DECIDED&partnerId=bright-textiles").get(0);
        assertThat(decision.path("subject").asText()).isEqualTo("task/" + task);
        assertThat(decision.path("before").path("status").asText()).isEqualTo("OPEN");
        assertThat(decision.path("after").path("decision").asText()).isEqualTo("REJECT");
        assertThat(decision.path("reason").asText()).isEqualTo("we need it on time");
        JsonNode reprocess = entries("kind=MESSAGE_REPROCESSED&actor=ops").get(0);
        assertThat(reprocess.path("subject").asText()).isEqualTo("message/" + message);
        JsonNode imported = entries("kind=ERP_IMPORTED&actor=erp").get(0);
        assertThat(imported.path("after").path("purchaseOrders").path(po).asText())
                .isEqualTo("CREATED");
    }

    @Test
    void signInsAndRefusedSignInsAreAudited() {
        String stranger = "mallory-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(get("/api/v1/purchase-orders", stranger + ":guess").statusCode())
                .isEqualTo(401);
        PortalSession.signIn(port, "clearpath", "clearpath");

        JsonNode refused = only(entries("kind=SIGN_IN_REFUSED&actor=" + stranger));
        assertThat(refused.path("via").asText()).isEqualTo("API");
        assertThat(refused.toString()).doesNotContain("guess");
        JsonNode signedIn =
                entries("kind=SIGNED_IN&partnerId=clearpath-customs").get(0);
        assertThat(signedIn.path("via").asText()).isEqualTo("PORTAL");
        assertThat(signedIn.path("actor").asText()).isEqualTo("partner:clearpath-customs/clearpath");
    }

    @Test
    void onlyAdminsReadTheTrailAndNothingChangesIt() {
        assertThat(get("/api/v1/audit", "acme:acme").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "erp:erp").statusCode()).isEqualTo(403);
        onboard("aud-" + UUID.randomUUID().toString().substring(0, 8), "");

        var csv = get("/api/v1/audit?kind=PARTNER_ONBOARDED&format=csv", OPS);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,at,actor,via,kind,partnerId,subject,before,after,reason");
        assertThat(csv.body()).contains("PARTNER_ONBOARDED");
        assertThat(get("/api/v1/audit?format=xml", OPS).statusCode()).isEqualTo(400);

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set reason = 'nothing happened'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
        PortalSession ops = PortalSession.signIn(port, "ops", "ops");
        var portalCsv = ops.get("/portal/ops/audit.csv?kind=PARTNER_ONBOARDED");
        assertThat(portalCsv.statusCode()).isEqualTo(200);
        assertThat(portalCsv.body()).startsWith("id,at,actor,via,kind").contains("PARTNER_ONBOARDED");
        assertThat(ops.get("/portal/ops/audit?kind=PARTNER_ONBOARDED").body())
                .contains("data-kind=\"PARTNER_ONBOARDED\"");
        assertThat(PortalSession.signIn(port, "acme", "acme")
                        .get("/portal/ops/audit")
                        .statusCode())
                .isEqualTo(403);
    }

    /** The PO's last DECISION entry with this outcome (APPLY or TASK). */
    private JsonNode lastDecision(String po, String outcome) {
        JsonNode decision = null;
        for (JsonNode entry : json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS))) {
            if (entry.path("kind").asText().equals("DECISION")
                    && entry.path("details").path("outcome").asText().equals(outcome)) {
                decision = entry;
            }
        }
        assertThat(decision).as("a DECISION entry on " + po).isNotNull();
        return decision;
    }

    private String slip(String po, int days) {
        var posted = post(
                "/api/v1/purchase-orders/" + po + "/commitments",
                OPS,
                "{\"lines\": [{\"lineNumber\": \"1\", \"promisedDate\": \"%s\"}]}".formatted(today().plusDays(days)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return awaitEnd(json(posted).path("messageId").asText()).path("status").asText();
    }

    @Test
    void aProfileChangeIsANewVersionDecisionsNameTheVersionTheyRanWithAndARollbackRunsAnOldOneAgain() {
        String partner = onboard("ver-" + UUID.randomUUID().toString().substring(0, 8), "");
        JsonNode versions = json(get("/api/v1/partners/" + partner + "/versions", OPS));
        assertThat(versions.path("current").asInt()).isEqualTo(1);
        String profile =
                """
                {"id": "%s", "name": "Audited Supplies", "role": "SUPPLIER", "reason": "%s",
                 "channels": [{"kind": "WEBHOOK", "address": "%s"},
                              {"kind": "SFTP", "address": "sftp://edi.audited.example/in",
                               "settings": {"username": "audited", "password": "********"}}],
                 "policy": {%s}}
                """;
        var changed = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/" + partner,
                        OPS,
                        "application/json",
                        profile.formatted(
                                        partner,
                                        "five days agreed",
                                        OUTSIDE.url("/hooks/" + partner),
                                        "\"commitment.maxSlipDays\": \"5\"")
                                .getBytes());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        versions = json(get("/api/v1/partners/" + partner + "/versions", OPS));
        assertThat(versions.path("current").asInt()).isEqualTo(2);
        assertThat(versions.path("items").findValuesAsText("reason")).contains("five days agreed");
        JsonNode diff = json(get("/api/v1/partners/" + partner + "/versions/1/diff", OPS));
        assertThat(diff.path("changes").toString())
                .contains("policy.commitment.maxSlipDays")
                .doesNotContain("s3cret");
        assertThat(json(get("/api/v1/partners/" + partner + "/versions/2", OPS)).toString())
                .contains("********")
                .doesNotContain("s3cret");

        // a three-day slip is inside five days: applied, and the decision says with which configuration
        String po = "41" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        importOrder(po, partner);
        assertThat(slip(po, 13)).isEqualTo("PROCESSED");
        JsonNode applied = lastDecision(po, "APPLY");
        assertThat(applied.path("details").path("configuration").path("version").asInt())
                .isEqualTo(2);
        assertThat(applied.path("details")
                        .path("configuration")
                        .path("partnerId")
                        .asText())
                .isEqualTo(partner);

        var noReason = post("/api/v1/partners/" + partner + "/versions/1/rollback", OPS, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        var rolledBack = post(
                "/api/v1/partners/" + partner + "/versions/1/rollback",
                OPS,
                "{\"reason\": \"the agreement fell through\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(json(rolledBack).path("policy").isEmpty()).isTrue();
        versions = json(get("/api/v1/partners/" + partner + "/versions", OPS));
        assertThat(versions.path("current").asInt()).isEqualTo(3);
        assertThat(versions.path("items").get(0).path("rolledBackFrom").asInt()).isEqualTo(1);
        assertThat(only(entries("partnerId=" + partner + "&kind=PARTNER_ROLLED_BACK"))
                        .path("reason")
                        .asText())
                .contains("the agreement fell through");

        // the next slip runs with version 3: the default limit, a person decides
        String second = "41" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        importOrder(second, partner);
        slip(second, 13);
        JsonNode task = lastDecision(second, "TASK");
        assertThat(task.path("details").path("rule").asText()).isEqualTo("commitment.date-slip");
        assertThat(task.path("details").path("configuration").path("version").asInt())
                .isEqualTo(3);
        // a partner reads none of it
        assertThat(get("/api/v1/partners/acme-supply/versions", "acme:acme").statusCode())
                .isEqualTo(403);
    }
}
