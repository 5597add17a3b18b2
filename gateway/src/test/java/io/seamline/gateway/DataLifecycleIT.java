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

    @Autowired
    javax.sql.DataSource dataSource;

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
                .containsExactly(
                        "payloads", "invoice-payloads", "events", "timeline", "tasks", "expectations", "messages");
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
        assertThat(json(hold).path("subjectFound").asBoolean()).isTrue();
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
        var reprocessed = post("/api/v1/messages/" + gone + "/reprocess", OPS, null);
        assertThat(reprocessed.statusCode()).as("nothing is left to read").isEqualTo(409);
        assertThat(raw(held)).startsWith("ISA*");
        assertThat(raw(recent)).startsWith("ISA*");
        assertThat(json(get("/api/v1/admin/holds", OPS)).path("items").findValuesAsText("subject"))
                .contains("message/" + held);

        var noReason = new GatewayClient(port).call("DELETE", "/api/v1/admin/holds/" + holdId, OPS, null, null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        var lifted = new GatewayClient(port)
                .call(
                        "DELETE",
                        "/api/v1/admin/holds/" + holdId,
                        OPS,
                        "application/json",
                        "{\"reason\": \"settled\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
    void aRunDropsTheOldMonthPartitionsItLeftEmptyAndKeepsThoseThatHoldARow() {
        // partitions of five months ago (message, event, timeline_entry); a message filed in that month
        jdbc.sql("select month_partition(t, now() - interval '5 months')"
                        + " from unnest(array['message', 'event', 'timeline_entry']) t")
                .query((rs, n) -> 1)
                .list();
        String kept = process("acme:acme", ack()).path("id").asText();
        jdbc.sql("update message set received_at = now() - interval '5 months' where id = cast(:id as uuid)")
                .param("id", kept)
                .update();
        String month = jdbc.sql("select to_char(now() - interval '5 months', 'YYYY_MM')")
                .query(String.class)
                .single();

        var run = post("/api/v1/admin/retention/runs", OPS, "{\"dryRun\": false}");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        List<String> dropped = new java.util.ArrayList<>();
        json(run).path("partitionsDropped").forEach(name -> dropped.add(name.asText()));
        assertThat(dropped)
                .contains("event_" + month, "timeline_entry_" + month)
                .doesNotContain("message_" + month);
        assertThat(jdbc.sql("select to_regclass('message_" + month + "') is not null")
                        .query(Boolean.class)
                        .single())
                .as("the message filed there keeps its month")
                .isTrue();
        assertThat(raw(kept)).startsWith("ISA*");
        assertThat(json(get("/api/v1/audit?kind=RETENTION_RUN", OPS))
                        .path("items")
                        .toString())
                .contains("event_" + month);
    }

    private JsonNode awaitJob(JsonNode started) {
        String id = started.path("id").asText();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !"RUNNING"
                        .equals(json(get("/api/v1/jobs/" + id, OPS))
                                .path("status")
                                .asText()));
        return json(get("/api/v1/jobs/" + id, OPS));
    }

    @Test
    void aBulkReprocessSaysFirstWhatItSelectsThenRunsAsAJobWithProgress() {
        JsonNode message = process("acme:acme", ack());
        String control = message.path("controlNumbers").path("interchange").asText();
        String filter = "{\"partnerId\": \"acme-supply\", \"controlNumbers\": [\"%s\"]}".formatted(control);

        var dryRun = post("/api/v1/bulk/reprocess", OPS, "{\"filter\": %s}".formatted(filter));
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(json(dryRun).path("count").asInt()).isEqualTo(1);
        assertThat(json(dryRun).path("messages").get(0).asText())
                .isEqualTo(message.path("id").asText());

        var started = post("/api/v1/bulk/reprocess", OPS, "{\"filter\": %s, \"dryRun\": false}".formatted(filter));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(json(started));

        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("done").asInt()).isEqualTo(1);
        assertThat(job.path("failed").asInt()).as(job.toString()).isZero();
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        awaitEnd(message.path("id").asText());
        assertThat(json(get("/api/v1/audit?kind=BULK_STARTED", OPS))
                        .path("items")
                        .toString())
                .contains(job.path("id").asText());
        assertThat(json(get("/api/v1/audit?kind=MESSAGE_REPROCESSED", OPS))
                        .path("items")
                        .toString())
                .contains("message/" + message.path("id").asText());
    }

    @Test
    void anAcknowledgementIsResentWithANewControlNumberAsAMessageOfItsOwn() {
        String control855 = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        JsonNode inbound = process(
                "acme:acme",
                x12("ZZ", "ACMESUPPLY", "PR", control855, "855", "BAK*00*AC*45" + control855 + "*20261122"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !json(get("/api/v1/messages/" + inbound.path("id").asText(), OPS))
                        .path("acknowledgementMessageId")
                        .isMissingNode());
        String ackId = json(get("/api/v1/messages/" + inbound.path("id").asText(), OPS))
                .path("acknowledgementMessageId")
                .asText();
        JsonNode ack = json(get("/api/v1/messages/" + ackId, OPS));
        String control = ack.path("controlNumbers").path("interchange").asText();

        var started = post(
                "/api/v1/bulk/resend",
                OPS,
                "{\"filter\": {\"partnerId\": \"acme-supply\", \"controlNumbers\": [\"%s\"]}, \"dryRun\": false,"
                                .formatted(control)
                        + " \"newControlNumber\": true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(json(started));

        assertThat(job.path("failed").asInt()).as(job.toString()).isZero();
        var copy = jdbc.sql("select interchange_control from message where related_message_id = cast(:id as uuid)"
                        + " and step_key like 'resend:%'")
                .param("id", ackId)
                .query(String.class)
                .single();
        assertThat(copy).isNotEqualTo(control).hasSize(9);
        assertThat(jdbc.sql("select count(*) from outbox o join message m on m.id = o.message_id"
                                + " where m.related_message_id = cast(:id as uuid) and m.step_key like 'resend:%'")
                        .param("id", ackId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anErpWriteBackIsHeldByItsDeliveryWithoutAMessageRowAndRetriedInBulkOnceTheErpIsBack() throws Exception {
        String po = "46" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        String awb = "176-" + po.substring(2);
        importOrder(po, "acme-supply");
        importShipment("SH-AIR-" + po, po, "{\"awb\": \"" + awb + "\"}", "1375.50");
        OUTSIDE.answer("/erp/outcomes", 503);
        try {
            JsonNode invoice = process("swift:swift", airFreightInvoice(po, awb));
            assertThat(invoice.path("status").asText()).isEqualTo("PROCESSED");
            String cause = invoice.path("id").asText();
            // three attempts against the ERP that is down, then failed for good
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("select count(*) from outbox where cause_message_id = cast(:cause as uuid)"
                                            + " and status = 'FAILED'")
                                    .param("cause", cause)
                                    .query(Long.class)
                                    .single()
                            == 1);
            String document = jdbc.sql("select message_id from outbox where cause_message_id = cast(:cause as uuid)")
                    .param("cause", cause)
                    .query(String.class)
                    .single();
            assertThat(jdbc.sql("select count(*) from message where id = cast(:id as uuid)")
                            .param("id", document)
                            .query(Long.class)
                            .single())
                    .as("the write-back has no message row")
                    .isZero();
            assertThat(get("/api/v1/messages/" + document, OPS).statusCode()).isEqualTo(404);
            // partners reach the write-back by no door: not the carrier whose invoice caused it, not another supplier
            for (String partner : List.of("swift:swift", "acme:acme")) {
                assertThat(get("/api/v1/messages/" + document, partner).statusCode())
                        .isEqualTo(404);
                for (String timelinePath :
                        List.of("/api/v1/shipments/SH-AIR-" + po + "/timeline", "/api/v1/messages/" + cause)) {
                    assertThat(get(timelinePath, partner).body())
                            .as(partner + " " + timelinePath)
                            .doesNotContain(document, "ERP_WRITEBACK", "Queued for the ERP");
                }
                assertThat(post("/api/v1/bulk/retry", partner, "{\"filter\": {\"channel\": \"ERP\"}, \"dryRun\": true}")
                                .statusCode())
                        .isEqualTo(403);
            }
            // the timeline names the write-back and its failed delivery, under the invoice's message
            String timeline = get("/api/v1/shipments/SH-AIR-" + po + "/timeline", OPS)
                            .body()
                    + get("/api/v1/purchase-orders/" + po + "/timeline", OPS).body();
            assertThat(timeline).contains("Queued for the ERP: invoice.approved", "failed for good", document, cause);
            // the invoice's decision inside tolerance is listed, kept in the row of what its message did
            List<JsonNode> entries = new java.util.ArrayList<>();
            json(get("/api/v1/shipments/SH-AIR-" + po + "/timeline", OPS)).forEach(entries::add);
            json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS)).forEach(entries::add);
            assertThat(entries)
                    .filteredOn(e -> e.path("kind").asText().equals("DECISION")
                            && e.path("messageId").asText().equals(cause))
                    .isNotEmpty()
                    .allSatisfy(
                            e -> assertThat(e.path("details").path("outcome").asText())
                                    .isEqualTo("APPLY"));
            assertThat(jdbc.sql("select count(*) from timeline_entry where message_id = cast(:m as uuid)"
                                    + " and kind = 'DECISION'")
                            .param("m", cause)
                            .query(Long.class)
                            .single())
                    .as("no row of its own")
                    .isZero();

            String filter = "{\"channel\": \"ERP\", \"documentType\": \"invoice.approved\", \"from\": \"%s\"}"
                    .formatted(java.time.Instant.now().minusSeconds(600));
            var dryRun = post("/api/v1/bulk/retry", OPS, "{\"filter\": %s}".formatted(filter));
            assertThat(json(dryRun).path("count").asInt()).as(dryRun.body()).isGreaterThanOrEqualTo(1);
            OUTSIDE.answer("/erp/outcomes", 200);
            var started = post("/api/v1/bulk/retry", OPS, "{\"filter\": %s, \"dryRun\": false}".formatted(filter));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode job = awaitJob(json(started));
            assertThat(job.path("failed").asInt()).as(job.toString()).isZero();

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("select status from outbox_now where message_id = cast(:id as uuid)")
                            .param("id", document)
                            .query(String.class)
                            .single()
                            .equals("DELIVERED"));
            var requests = OUTSIDE.requests("/erp/outcomes").stream()
                    .filter(r -> r.body().contains("AIR-" + po))
                    .toList();
            assertThat(requests)
                    .as("three attempts while down, one after the retry")
                    .hasSize(4);
            var delivered = requests.get(3);
            assertThat(delivered.idempotencyKey()).isEqualTo(document);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(delivered.body())
                            .path("id")
                            .asText())
                    .isEqualTo(document);
            assertThat(delivered.body()).contains("\"type\":\"invoice.approved\"");

            // the ERP lost it: resent by hand, the same document (its id) once more
            var resend = post(
                    "/api/v1/bulk/resend",
                    OPS,
                    "{\"filter\": %s, \"dryRun\": false}"
                            .formatted(filter.replace("\"ERP\"", "\"ERP\", \"status\": \"DELIVERED\"")));
            assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
            JsonNode resent = awaitJob(json(resend));
            assertThat(resent.path("failed").asInt()).as(resent.toString()).isZero();
            assertThat(resent.path("total").asInt()).isGreaterThanOrEqualTo(1);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                                    .filter(r -> r.body().contains("AIR-" + po))
                                    .count()
                            == 5);
            assertThat(OUTSIDE.requests("/erp/outcomes").stream()
                            .filter(r -> r.body().contains("AIR-" + po))
                            .reduce((a, b) -> b)
                            .orElseThrow()
                            .idempotencyKey())
                    .isEqualTo(document);
            assertThat(jdbc.sql("select count(*) from outbox where message_id = cast(:id as uuid)")
                            .param("id", document)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            OUTSIDE.answer("/erp/outcomes", 200);
        }
    }

    @Test
    void aRunningJobIsCancelledAndStopsBetweenItems() throws Exception {
        JsonNode first = process("acme:acme", ack());
        JsonNode second = process("acme:acme", ack());
        String request = "{\"filter\": {\"partnerId\": \"acme-supply\", \"controlNumbers\": [\"%s\", \"%s\"]},"
                        .formatted(
                                first.path("controlNumbers").path("interchange").asText(),
                                second.path("controlNumbers")
                                        .path("interchange")
                                        .asText())
                + " \"dryRun\": false}";
        JsonNode started;
        try (var hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (var lock = hold.createStatement()) {
                // reprocessing a message writes its row, reading it does not: the job's first item waits here
                lock.execute("lock table message in exclusive mode");
            }
            var start = post("/api/v1/bulk/reprocess", OPS, request);
            assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
            started = json(start);
            assertThat(started.path("total").asInt()).isEqualTo(2);

            var cancel = new GatewayClient(port)
                    .call("DELETE", "/api/v1/jobs/" + started.path("id").asText(), OPS, null, null);
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
            assertThat(json(cancel).path("cancelRequested").asBoolean()).isTrue();
            hold.rollback();
        }
        JsonNode job = awaitJob(started);

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("CANCELLED");
        assertThat(job.path("done").asInt()).as("stopped between items").isLessThan(2);
        assertThat(json(get("/api/v1/audit?kind=BULK_CANCELLED", OPS))
                        .path("items")
                        .toString())
                .contains(started.path("id").asText());
    }

    @Test
    void aBulkRequestNeedsAFilterAndAJobThatEndedCannotBeCancelled() {
        assertThat(post("/api/v1/bulk/reprocess", OPS, "{\"dryRun\": false}").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/bulk/reprocess", OPS, "{\"filter\": {}}").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/bulk/reprocess", OPS, "{\"filter\": {\"partner\": \"acme-supply\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/bulk/reprocess", OPS, "{\"filter\": {\"from\": \"yesterday\"}}")
                        .statusCode())
                .isEqualTo(400);
        for (String filter : List.of(
                "{\"status\": \"FIALED\"}",
                "{\"channel\": \"SFTP\"}",
                "{\"partnerId\": \"acme-supply\", \"controlNumbers\": \"000000912\"}",
                "{\"partnerId\": \"acme-supply\", \"controlNumbers\": [\"\"]}",
                "{\"partnerId\": \"acme-supply\", \"controlNumbers\": [{\"n\": 1}]}",
                "{\"from\": \"2026-12-08T00:00:00Z\", \"to\": \"2026-12-01T00:00:00Z\"}")) {
            var refused = post("/api/v1/bulk/reprocess", OPS, "{\"filter\": %s}".formatted(filter));
            assertThat(refused.statusCode())
                    .as("a filter that could only select nothing by mistake: " + filter)
                    .isEqualTo(400);
            assertThat(json(refused).path("errors").toString()).contains("filter.");
        }
        assertThat(json(post("/api/v1/bulk/reprocess", OPS, "{\"filter\": {\"status\": \"FIALED\"}}"))
                        .path("errors")
                        .toString())
                .as("the values it takes")
                .contains("PROCESSED", "FAILED", "QUARANTINED");
        assertThat(post("/api/v1/bulk/reprocess", OPS, "{\"filter\": {\"status\": \"failed\"}}")
                        .statusCode())
                .as("in any case")
                .isEqualTo(200);
        assertThat(post(
                                "/api/v1/bulk/resend",
                                OPS,
                                "{\"filter\": {\"partnerId\": \"acme-supply\"}, \"newControlNumber\": \"yes\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/bulk/resend", "acme:acme", "{\"filter\": {\"partnerId\": \"acme-supply\"}}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/jobs/" + UUID.randomUUID() + "/cancel", OPS, null)
                        .statusCode())
                .isEqualTo(404);
        var started =
                post("/api/v1/bulk/retry", OPS, "{\"filter\": {\"partnerId\": \"nobody-here\"}, \"dryRun\": false}");
        JsonNode job = awaitJob(json(started));
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(post("/api/v1/jobs/" + job.path("id").asText() + "/cancel", OPS, null)
                        .statusCode())
                .isEqualTo(409);
        var client = new GatewayClient(port);
        assertThat(client.call("DELETE", "/api/v1/jobs/" + job.path("id").asText(), OPS, null, null)
                        .statusCode())
                .as("DELETE cancels as POST …/cancel does")
                .isEqualTo(409);
        assertThat(client.call("DELETE", "/api/v1/jobs/" + UUID.randomUUID(), OPS, null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void opsAlertsGoToASlackCompatibleWebhookSignedLikePartnerWebhooks() throws Exception {
        String path = "/ops/slack/" + UUID.randomUUID();
        var subscribed = post(
                "/api/v1/ops/subscriptions",
                OPS,
                "{\"url\": \"%s\", \"eventTypes\": [\"ops.message.rejected\", \"ops.task.opened:UNKNOWN_PO\"],"
                                .formatted(OUTSIDE.url(path))
                        + " \"format\": \"slack\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String secret = json(subscribed).path("secret").asText();
        assertThat(json(get("/api/v1/ops/subscriptions", OPS)).path("items").toString())
                .contains(path, "SLACK");
        // a partner reaches the internal subscription through none of the webhook doors
        String id = json(subscribed).path("id").asText();
        assertThat(get("/api/v1/webhooks", "acme:acme").body()).doesNotContain(path);
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries", "acme:acme").statusCode())
                .isEqualTo(404);
        assertThat(new GatewayClient(port)
                        .call("DELETE", "/api/v1/webhooks/" + id, "acme:acme", null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(get("/api/v1/ops/subscriptions", OPS)).path("items").toString())
                .contains(path);

        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        var rejected =
                process("acme:acme", x12("ZZ", "ACMESUPPLY", "PR", control, "855", "BAK*00*XQ*4500099999*20261122"));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> OUTSIDE.requests(path).stream()
                        .anyMatch(r -> r.body().contains(rejected.path("id").asText())));
        var alert = OUTSIDE.requests(path).stream()
                .filter(r -> r.body().contains(rejected.path("id").asText()))
                .findFirst()
                .orElseThrow();
        JsonNode body = io.seamline.mappings.json.Json.mapper().readTree(alert.body());
        assertThat(body.path("text").asText()).startsWith("[Seamline] message").contains("acme-supply", "rejected");
        String header = alert.headers().get("Seamline-Signature");
        long timestamp = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(header)
                .isEqualTo(io.seamline.routes.webhooks.WebhookDeliveries.signature(
                        secret, timestamp, alert.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(alert.headers().get("Seamline-Event")).isEqualTo("ops.message.rejected");
    }

    @Test
    void opsSubscriptionsAreForInternalUsersToKnownEventsAndAllowedTargets() {
        assertThat(post("/api/v1/ops/subscriptions", "acme:acme", "{\"url\": \"%s\"}".formatted(OUTSIDE.url("/x")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(
                                "/api/v1/ops/subscriptions",
                                OPS,
                                "{\"url\": \"%s\", \"eventTypes\": [\"ops.everything\"]}".formatted(OUTSIDE.url("/x")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/ops/subscriptions", OPS, "{\"url\": \"http://169.254.169.254/latest/meta-data\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/api/v1/ops/subscriptions",
                                OPS,
                                "{\"url\": \"%s\", \"format\": \"teams\"}".formatted(OUTSIDE.url("/x")))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void adminsSetAndLiftHoldsAndSubscribeAlertsInThePortal() {
        PortalSession admin = PortalSession.signIn(port, "ops", "ops");
        String po = "po/77" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

        var page = admin.get("/portal/ops/lifecycle");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-class=\"invoice-payloads\"", "3650 days");
        var set = admin.follow(
                admin.post("/portal/ops/lifecycle/holds", java.util.Map.of("subject", po, "reason", "claim 88")));
        assertThat(set.body())
                .contains("Hold set on " + po, "data-subject=\"" + po + "\"")
                .as("a PO the gateway does not have: held, and the admin told")
                .contains("Nothing is kept under that name yet");
        JsonNode hold = null;
        for (JsonNode h : json(get("/api/v1/admin/holds", OPS)).path("items")) {
            if (h.path("subject").asText().equals(po)) {
                hold = h;
            }
        }
        assertThat(hold).as("the hold the page set").isNotNull();
        var lifted = admin.follow(admin.post(
                "/portal/ops/lifecycle/holds/" + hold.path("id").asText() + "/lift",
                java.util.Map.of("reason", "paid")));
        assertThat(lifted.body()).contains("lifted").doesNotContain("data-subject=\"" + po + "\"");
        var mistyped = admin.follow(admin.post(
                "/portal/ops/lifecycle/holds",
                java.util.Map.of("subject", "message/4500012345", "reason", "claim 88")));
        assertThat(mistyped.body())
                .as("a message is named by its id, never by a PO's number")
                .contains("names a message by its id, a UUID")
                .doesNotContain("data-subject=\"message/4500012345\"");

        String url = OUTSIDE.url("/ops/portal/" + UUID.randomUUID());
        var subscribed = admin.follow(admin.post(
                "/portal/ops/lifecycle/alerts",
                java.util.Map.of(
                        "url", url, "eventTypes", "ops.sla.breached, ops.task.opened:UNKNOWN_PO", "format", "SLACK")));
        assertThat(subscribed.body()).contains("Alerts go to " + url, "whsec_", "data-url=\"" + url + "\"");
        var refused = admin.follow(admin.post(
                "/portal/ops/lifecycle/alerts", java.util.Map.of("url", "http://10.0.0.1/hook", "eventTypes", "*")));
        assertThat(refused.body()).contains("Not subscribed");
        assertThat(PortalSession.signIn(port, "acme", "acme")
                        .get("/portal/ops/lifecycle")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aHoldNeedsASubjectItCanNameAndAReason() {
        for (String body : List.of(
                "{\"subject\": \"po/4500012345\"}",
                "{\"subject\": \"invoice/1\", \"reason\": \"x\"}",
                "{\"subject\": \"po/../../etc\", \"reason\": \"x\"}",
                "{\"subject\": \"message/not-a-uuid\", \"reason\": \"x\"}",
                "{\"subject\": \"po/4500012345#1\", \"reason\": \"x\"}",
                "{\"subject\": \"partner/Acme Supply\", \"reason\": \"x\"}",
                "{\"subject\": [\"po/4500012345\"], \"reason\": \"x\"}",
                "{\"subject\": \"po/1\", \"reason\": \"x\", \"until\": \"tomorrow\"}")) {
            assertThat(post("/api/v1/admin/holds", OPS, body).statusCode())
                    .as(body)
                    .isEqualTo(400);
        }
        var ahead = post(
                "/api/v1/admin/holds",
                OPS,
                "{\"subject\": \"shipment/NOT-HERE-YET-%s\", \"reason\": \"claim 91\"}"
                        .formatted(ThreadLocalRandom.current().nextInt(1_000_000)));
        assertThat(ahead.statusCode())
                .as("a hold may name what comes later: it keeps it")
                .isEqualTo(201);
        assertThat(json(ahead).path("subjectFound").asBoolean())
                .as("but the admin is told nothing is kept under it yet")
                .isFalse();
        assertThat(new GatewayClient(port)
                        .call(
                                "DELETE",
                                "/api/v1/admin/holds/" + json(ahead).path("id").asText() + "?reason=typo",
                                OPS,
                                null,
                                null)
                        .statusCode())
                .as("the reason as a query parameter")
                .isEqualTo(200);
        var unknown = new GatewayClient(port)
                .call("DELETE", "/api/v1/admin/holds/" + UUID.randomUUID() + "?reason=x", OPS, null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/admin/retention/runs", OPS, "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void anErasureIsADryRunOrNotByTrueOrFalseOnly() {
        String body = "{\"email\": \"nobody@erasure-check.example\", \"reason\": \"check\", \"dryRun\": %s}";
        for (String unclear : List.of("\"no\"", "\"false\"", "0", "null")) {
            var refused = post("/api/v1/admin/erasures", OPS, body.formatted(unclear));
            assertThat(refused.statusCode()).as(unclear).isEqualTo(400);
            assertThat(json(refused).path("detail").asText()).contains("true", "false");
        }
        var dryRun = post("/api/v1/admin/erasures", OPS, body.formatted("true"));
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(json(dryRun).path("dryRun").asBoolean()).isTrue();
    }

    @Test
    void anErasureLeavesAnotherPersonsLongerAddressAndOrdinaryWordsAlone() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String person = "reports@erase-" + tag + ".example";
        String other = "annual-reports@erase-" + tag + ".example";
        for (String[] partner :
                List.of(new String[] {"erase-a-" + tag, person}, new String[] {"erase-b-" + tag, other})) {
            var onboarded = post(
                    "/api/v1/partners",
                    OPS,
                    """
                    {"id": "%s", "name": "Erasable", "role": "SUPPLIER", "state": "LIVE", "stateReason": "test",
                     "channels": [{"kind": "EMAIL", "address": "%s"}]}
                    """
                            .formatted(partner[0], partner[1]));
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        }

        var erased = post(
                "/api/v1/admin/erasures",
                OPS,
                "{\"email\": \"%s\", \"reason\": \"request %s\", \"dryRun\": false}".formatted(person, tag));

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(get("/api/v1/partners/erase-a-" + tag, OPS).body())
                .doesNotContain(person)
                .contains("[redacted: erasure");
        assertThat(get("/api/v1/partners/erase-b-" + tag, OPS).body())
                .as("an address that only ends like the erased one is someone else's")
                .contains(other)
                .doesNotContain("redacted");
    }
}
