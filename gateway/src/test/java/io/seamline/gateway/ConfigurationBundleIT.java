package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Configuration as code: the bundle of every partner's configuration, imported back with a dry run that shows the
 * diff against what runs, then applied whole as one audited change.
 */
class ConfigurationBundleIT extends PipelineGatewayIT {

    private static JsonNode entry(JsonNode bundle, String partner) {
        for (JsonNode p : bundle.path("partners")) {
            if (p.path("id").asText().equals(partner)) {
                return p;
            }
        }
        throw new AssertionError("no " + partner + " in the bundle");
    }

    private static JsonNode planned(JsonNode answer, String partner) {
        for (JsonNode p : answer.path("partners")) {
            if (p.path("partnerId").asText().equals(partner)) {
                return p;
            }
        }
        throw new AssertionError("no " + partner + " in the plan: " + answer);
    }

    @Test
    void aBundleRoundTripsShowsItsDiffInADryRunAndIsImportedAsOneAuditedChange() {
        String changed = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
        String added = "cfg-new-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(
                                "/api/v1/partners",
                                OPS,
                                """
                                {"id": "%s", "name": "Bundled Supplies", "role": "SUPPLIER", "state": "LIVE",
                                 "stateReason": "moved from our old gateway",
                                 "channels": [{"kind": "SFTP", "address": "sftp://edi.bundled.example/in",
                                               "settings": {"username": "bundled", "password": "{noop}hush"}}]}
                                """
                                        .formatted(changed))
                        .statusCode())
                .isEqualTo(201);

        var exported = get("/api/v1/configuration", OPS);
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode bundle = json(exported);
        assertThat(bundle.path("format").asText()).isEqualTo("seamline-configuration/1");
        assertThat(exported.body()).doesNotContain("{noop}hush").doesNotContain("{noop}acme");
        assertThat(entry(bundle, "acme-supply")
                        .path("policy")
                        .path("commitment.maxSlipDays")
                        .asText())
                .isEqualTo("2");

        // unchanged, it imports as nothing to do
        JsonNode same = json(post("/api/v1/configuration?dryRun=true", OPS, bundle.toString()));
        assertThat(same.path("partners").findValuesAsText("action")).containsOnly("UNCHANGED");

        ((ObjectNode) entry(bundle, changed)).putObject("policy").put("commitment.maxSlipDays", "4");
        ((ArrayNode) bundle.path("partners"))
                .addObject()
                .put("id", added)
                .put("name", "Bundled Newcomer")
                .put("role", "CARRIER")
                .putArray("channels")
                .addObject()
                .put("kind", "PORTAL");
        int versionBefore = json(get("/api/v1/partners/" + changed + "/versions", OPS))
                .path("current")
                .asInt();

        JsonNode dryRun = json(post("/api/v1/configuration?dryRun=true", OPS, bundle.toString()));
        assertThat(dryRun.path("applied").asBoolean()).isFalse();
        assertThat(planned(dryRun, changed).path("action").asText()).isEqualTo("CHANGED");
        assertThat(planned(dryRun, changed).path("changes").toString())
                .contains("policy.commitment.maxSlipDays")
                .doesNotContain("hush");
        assertThat(planned(dryRun, added).path("action").asText()).isEqualTo("NEW");
        assertThat(planned(dryRun, "acme-supply").path("action").asText()).isEqualTo("UNCHANGED");
        assertThat(get("/api/v1/partners/" + added, OPS).statusCode()).isEqualTo(404);

        assertThat(post("/api/v1/configuration", OPS, bundle.toString()).statusCode())
                .isEqualTo(400);
        var imported = post(
                "/api/v1/configuration?reason="
                        + URLEncoder.encode("promoted from the test installation", StandardCharsets.UTF_8),
                OPS,
                bundle.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        assertThat(json(get("/api/v1/partners/" + changed, OPS))
                        .path("policy")
                        .path("commitment.maxSlipDays")
                        .asText())
                .isEqualTo("4");
        assertThat(json(get("/api/v1/partners/" + changed + "/versions", OPS))
                        .path("current")
                        .asInt())
                .isEqualTo(versionBefore + 1);
        // the masked password kept the value this installation has: the partner's SFTP login still works
        assertThat(json(get("/api/v1/audit?kind=PARTNER_UPDATED&partnerId=" + changed, OPS))
                        .toString())
                .doesNotContain("hush");
        // a new partner starts TESTING: go-live stays a decision here
        JsonNode board = json(get("/api/v1/partners/" + added + "/certification", OPS));
        assertThat(board.path("state").asText()).isEqualTo("ONBOARDING");
        JsonNode audited = json(get("/api/v1/audit?kind=CONFIGURATION_IMPORTED&actor=ops", OPS))
                .path("items")
                .get(0);
        assertThat(audited.path("reason").asText()).isEqualTo("promoted from the test installation");
        assertThat(audited.path("after").toString()).contains(changed, added);

        // a new partner's secret cannot come masked
        ((ArrayNode) bundle.path("partners"))
                .addObject()
                .put("id", "cfg-masked-" + UUID.randomUUID().toString().substring(0, 6))
                .put("name", "Masked")
                .put("role", "SUPPLIER")
                .putArray("channels")
                .addObject()
                .put("kind", "SFTP")
                .put("address", "sftp://edi.masked.example/in")
                .putObject("settings")
                .put("password", "********");
        var masked = post("/api/v1/configuration?dryRun=true", OPS, bundle.toString());
        assertThat(masked.statusCode()).isEqualTo(400);
        assertThat(masked.body()).contains("masked");
        assertThat(get("/api/v1/configuration", "acme:acme").statusCode()).isEqualTo(403);
    }
}
