package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data lifecycle through the API on the S3-backed gateway: raw bytes are objects in the bucket; admins see the
 * retention rules, dry-run and run retention, and set and lift legal holds, each audited; a run removes old bytes that
 * nothing needs (the row stays, saying why) and their objects, and spares what a hold names.
 */
class DataLifecycleIT extends PipelineGatewayIT {

    @Autowired
    JdbcClient jdbc;

    private static String ack() {
        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        return x12(
                "ZZ", "ACMESUPPLY", "FA", control, "997", "AK1*PO*" + control.replaceFirst("^0+", ""), "AK9*A*1*1*1");
    }

    private void backdate(String messageId, int days) {
        jdbc.sql("update message set received_at = now() - make_interval(days => :days) where id = cast(:id as uuid)")
                .param("days", days)
                .param("id", messageId)
                .update();
    }

    private String raw(String messageId) {
        return get("/api/v1/messages/" + messageId + "/raw", OPS).body();
    }

    @Test
    void rawBytesAreObjectsInTheS3BucketNamedByTheirSha256() {
        String interchange = ack();
        JsonNode message = process("acme:acme", interchange);

        String sha256 = message.path("sha256").asText();
        assertThat(S3.has(BUCKET, "raw/" + sha256)).isTrue();
        assertThat(raw(message.path("id").asText())).isEqualTo(interchange);
    }

    @Test
    void theRulesInForceAreForAdminsOnly() {
        var rules = get("/api/v1/admin/retention", OPS);

        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(json(rules).path("rules").findValuesAsText("class"))
                .containsExactly("payloads", "invoice-payloads", "events", "timeline", "tasks");
        assertThat(json(rules).path("rules").get(1).path("keepDays").asLong()).isEqualTo(3650);
        assertThat(get("/api/v1/admin/retention", "acme:acme").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/retention", "erp:erp").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/retention/runs", "acme:acme", "{\"dryRun\": false}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/admin/holds", "acme:acme", "{\"subject\": \"partner/acme-supply\", \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRunRemovesOldBytesNothingNeedsAndSparesWhatAHoldNamesUntilItIsLifted() {
        String recent = process("acme:acme", ack()).path("id").asText();
        JsonNode old = process("acme:acme", ack());
        String gone = old.path("id").asText();
        String held = process("acme:acme", ack()).path("id").asText();
        backdate(gone, 400);
        backdate(held, 400);
        var hold = post(
                "/api/v1/admin/holds",
                OPS,
                "{\"subject\": \"message/%s\", \"reason\": \"litigation 2026-7\"}".formatted(held));
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        String holdId = json(hold).path("id").asText();

        var dryRun = post("/api/v1/admin/retention/runs", OPS, "{\"dryRun\": true}");
        assertThat(json(dryRun).path("wouldRemove").path("payloads").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(raw(gone)).isNotEmpty().doesNotContain("removed");

        var run = post("/api/v1/admin/retention/runs", OPS, "{\"dryRun\": false}");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(json(run).path("removed").path("payloads").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(raw(gone)).contains("removed (retention:payloads:180d)");
        assertThat(json(get("/api/v1/messages/" + gone, OPS)).path("sha256").asText())
                .isEqualTo(old.path("sha256").asText());
        assertThat(S3.has(BUCKET, "raw/" + old.path("sha256").asText())).isFalse();
        assertThat(raw(held)).startsWith("ISA*");
        assertThat(raw(recent)).startsWith("ISA*");
        assertThat(json(get("/api/v1/admin/holds", OPS)).path("items").findValuesAsText("subject"))
                .contains("message/" + held);

        var noReason = new GatewayClient(port).call("DELETE", "/api/v1/admin/holds/" + holdId, OPS, null, null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        var lifted = new GatewayClient(port)
                .call("DELETE", "/api/v1/admin/holds/" + holdId + "?reason=settled", OPS, null, null);
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(json(lifted).path("inForce").asBoolean()).isFalse();
        post("/api/v1/admin/retention/runs", OPS, "{\"dryRun\": false}");
        assertThat(raw(held)).contains("removed (retention:payloads:180d)");

        JsonNode audit = json(get("/api/v1/audit?kind=HOLD_SET", OPS)).path("items");
        assertThat(audit.toString()).contains("message/" + held, "litigation 2026-7");
        assertThat(json(get("/api/v1/audit?kind=HOLD_LIFTED", OPS))
                        .path("items")
                        .toString())
                .contains("settled");
        assertThat(json(get("/api/v1/audit?kind=RETENTION_RUN", OPS))
                        .path("items")
                        .size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHoldNeedsASubjectItCanNameAndAReason() {
        for (String body : List.of(
                "{\"subject\": \"po/4500012345\"}",
                "{\"subject\": \"invoice/1\", \"reason\": \"x\"}",
                "{\"subject\": \"po/../../etc\", \"reason\": \"x\"}",
                "{\"subject\": \"po/1\", \"reason\": \"x\", \"until\": \"tomorrow\"}")) {
            assertThat(post("/api/v1/admin/holds", OPS, body).statusCode())
                    .as(body)
                    .isEqualTo(400);
        }
        var unknown = new GatewayClient(port)
                .call("DELETE", "/api/v1/admin/holds/" + UUID.randomUUID() + "?reason=x", OPS, null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/admin/retention/runs", OPS, "{}").statusCode()).isEqualTo(400);
    }
}
