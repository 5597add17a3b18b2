package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replay before publishing: a draft policy runs over a partner's archived 855s and commitments through the recording
 * side of the effects port; the report's flips and autonomy are the ones counted by hand, and nothing of production
 * moves. Publishing the draft names the replay it was judged on.
 */
class ReplayIT extends PipelineGatewayIT {

    private String commit(String po, int days) {
        var posted = post(
                "/api/v1/purchase-orders/" + po + "/commitments",
                OPS,
                "{\"lines\": [{\"lineNumber\": \"1\", \"promisedDate\": \"%s\"}]}".formatted(today().plusDays(days)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return awaitEnd(json(posted).path("messageId").asText()).path("id").asText();
    }

    private JsonNode awaitReplay(String id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !json(get("/api/v1/replays/" + id, OPS))
                        .path("status")
                        .asText()
                        .equals("RUNNING"));
        return json(get("/api/v1/replays/" + id, OPS));
    }

    @Test
    void aDraftSlipLimitFlipsExactlyTheDecisionsCountedByHandAndChangesNothing() {
        Instant from = Instant.now().minusSeconds(5);
        String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
        String partner = "rep-" + digits;
        String sender = "REP" + digits;
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Replay Supplies", "role": "SUPPLIER", "state": "LIVE",
                 "stateReason": "moved from our old gateway",
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}],
                 "channels": [{"kind": "WEBHOOK", "address": "%s"}]}
                """
                        .formatted(partner, sender, OUTSIDE.url("/hooks/" + partner)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        String[] pos = new String[4];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = "40" + i + digits;
            importOrder(pos[i], partner);
        }
        // needed in ten days; the default limit lets a line slip two days
        commit(pos[0], 11); // 1 day: applied, and with the draft
        commit(pos[1], 13); // 3 days: a person; applied with the draft (a flip)
        commit(pos[2], 16); // 6 days: a person, with the draft too
        JsonNode ack = process(
                OPS,
                x12(
                        "ZZ",
                        sender,
                        "PR",
                        control(),
                        "855",
                        "BAK*00*AC*" + pos[3] + "*" + edi(today()),
                        "PO1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                        "ACK*IA*10*EA*068*" + edi(today().plusDays(14)),
                        "CTT*1")); // 4 days: a person; applied with the draft (a flip)
        assertThat(ack.path("status").asText()).isEqualTo("PROCESSED");
        Instant to = Instant.now().plusSeconds(5);
        String tasksBefore = json(get("/api/v1/tasks?status=OPEN&partnerId=" + partner, OPS))
                .path("total")
                .asText();
        JsonNode ordersBefore =
                json(get("/api/v1/purchase-orders?partnerId=" + partner, OPS)).path("items");

        var started = post(
                "/api/v1/replays",
                OPS,
                """
                {"partnerId": "%s", "from": "%s", "to": "%s", "draft": {"policy": {"commitment.maxSlipDays": "4"}}}
                """
                        .formatted(partner, from, to));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json(started).path("documents").asInt()).isEqualTo(4);
        JsonNode report = awaitReplay(json(started).path("id").asText());

        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.path("report").path("failures")).isEmpty();
        assertThat(report.path("report").path("events").asInt()).isEqualTo(4);
        assertThat(report.path("eventsChanged").asInt()).isZero();
        assertThat(report.path("decisionsFlippedCount").asInt()).isEqualTo(2);
        var flipped = new java.util.ArrayList<String>();
        report.path("decisionsFlipped").forEach(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("commitment.date-slip");
            assertThat(f.path("from").asText()).isEqualTo("TASK");
            assertThat(f.path("to").asText()).isEqualTo("APPLY");
            assertThat(f.path("inputsAfter").path("maxSlipDays").asText()).isEqualTo("4");
            flipped.add(f.path("subject").asText());
        });
        assertThat(flipped).containsExactlyInAnyOrder("po/" + pos[1], "po/" + pos[3]);
        assertThat(report.path("autonomyBefore").asDouble()).isEqualTo(0.25);
        assertThat(report.path("autonomyAfter").asDouble()).isEqualTo(0.75);
        // the same report in the portal, the flips side by side
        var portal = PortalSession.signIn(port, "ops", "ops")
                .get("/portal/ops/replays/" + report.path("id").asText());
        assertThat(portal.statusCode()).isEqualTo(200);
        String page = portal.body();
        assertThat(page).contains("commitment.date-slip", "TASK → APPLY", "po/" + pos[1]);

        // nothing of production moved
        assertThat(json(get("/api/v1/tasks?status=OPEN&partnerId=" + partner, OPS))
                        .path("total")
                        .asText())
                .isEqualTo(tasksBefore);
        assertThat(json(get("/api/v1/purchase-orders?partnerId=" + partner, OPS))
                        .path("items"))
                .isEqualTo(ordersBefore);

        // an SLA draft judges the partner's expectations of the period again
        var slaReplay = post(
                "/api/v1/replays",
                OPS,
                """
                {"partnerId": "%s", "from": "%s", "to": "%s", "draft": {"sla": {"po.acknowledgement.hours": "1"}}}
                """
                        .formatted(partner, from, to));
        assertThat(slaReplay.statusCode()).as(slaReplay.body()).isEqualTo(202);
        JsonNode slaReport = awaitReplay(json(slaReplay).path("id").asText());
        assertThat(slaReport.path("status").asText()).isEqualTo("DONE");
        assertThat(slaReport.path("sla").path("expectations").asInt()).isPositive();
        assertThat(slaReport.path("sla").path("byKind").has("po.acknowledgement"))
                .isTrue();
        assertThat(slaReport.path("decisionsFlippedCount").asInt()).isZero();

        // published with the replay it was judged on
        var published = new GatewayClient(port)
                .call(
                        "PUT",
                        "/api/v1/partners/" + partner,
                        OPS,
                        "application/json",
                        """
                        {"id": "%s", "name": "Replay Supplies", "role": "SUPPLIER", "reason": "four days, judged on the replay",
                         "replayId": "%s",
                         "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}],
                         "channels": [{"kind": "WEBHOOK", "address": "%s"}],
                         "policy": {"commitment.maxSlipDays": "4"}}
                        """
                                .formatted(
                                        partner, report.path("id").asText(), sender, OUTSIDE.url("/hooks/" + partner))
                                .getBytes());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/partners/" + partner + "/versions", OPS))
                        .path("items")
                        .get(0)
                        .path("replayId")
                        .asText())
                .isEqualTo(report.path("id").asText());
        assertThat(json(get("/api/v1/audit?kind=REPLAY_STARTED&partnerId=" + partner, OPS))
                        .path("items"))
                .hasSize(2);
    }

    @Test
    void aReplayRequestThatCannotBeJudgedIsRefusedAndARunningOneCanBeCancelled() {
        Instant now = Instant.now();
        var unknownLimit = post(
                "/api/v1/replays",
                OPS,
                """
                {"scope": "defaults", "from": "%s", "to": "%s", "draft": {"policy": {"commitment.maxSlipWeeks": "4"}}}
                """
                        .formatted(now.minusSeconds(3600), now));
        assertThat(unknownLimit.statusCode()).isEqualTo(400);
        assertThat(unknownLimit.body()).contains("commitment.maxSlipWeeks");
        var tooLong = post(
                "/api/v1/replays",
                OPS,
                """
                {"scope": "defaults", "from": "%s", "to": "%s", "draft": {"policy": {"commitment.maxSlipDays": "4"}}}
                """
                        .formatted(now.minus(Duration.ofDays(400)), now));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        var partnerRefused = post(
                "/api/v1/replays",
                "acme:acme",
                """
                {"partnerId": "acme-supply", "from": "%s", "to": "%s", "draft": {"policy": {"commitment.maxSlipDays": "9"}}}
                """
                        .formatted(now.minusSeconds(3600), now));
        assertThat(partnerRefused.statusCode()).isEqualTo(403);

        var defaults = post(
                "/api/v1/replays",
                OPS,
                """
                {"scope": "defaults", "from": "%s", "to": "%s", "draft": {"policy": {"freight.tolerancePercent": "3"}}}
                """
                        .formatted(now.minus(Duration.ofDays(1)), now.plusSeconds(60)));
        assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(202);
        String id = json(defaults).path("id").asText();
        var cancel = post("/api/v1/replays/" + id + "/cancel", OPS, null);
        assertThat(cancel.statusCode()).isIn(200, 409);
        JsonNode ended = awaitReplay(id);
        assertThat(ended.path("status").asText()).isIn("CANCELLED", "DONE");
        assertThat(post("/api/v1/replays/" + id + "/cancel", OPS, null).statusCode())
                .isEqualTo(409);
    }

    private String acknowledgement(String sender, String po, String ownOrder) {
        return x12(
                "ZZ",
                sender,
                "PR",
                control(),
                "855",
                "BAK*00*AC*" + ownOrder + "*" + edi(today()),
                "REF*PO*" + po,
                "PO1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                "ACK*IA*10*EA*068*" + edi(today().plusDays(10)),
                "CTT*1");
    }

    private String lineStatus(String po) {
        return json(get("/api/v1/purchase-orders/" + po, OPS))
                .path("lines")
                .get(0)
                .path("status")
                .asText();
    }

    @Test
    void aMappingReplayedThenPublishedReadsTheNextDocumentAndARollbackPutsTheOldOneBack() {
        Instant from = Instant.now().minusSeconds(5);
        String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
        String partner = "map-" + digits;
        String sender = "MAP" + digits;
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Mapped Supplies", "role": "SUPPLIER", "state": "LIVE",
                 "stateReason": "moved from our old gateway",
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}],
                 "channels": [{"kind": "WEBHOOK", "address": "%s"}]}
                """
                        .formatted(partner, sender, OUTSIDE.url("/hooks/" + partner)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        String[] pos = {"39" + 1 + digits, "39" + 2 + digits, "39" + 3 + digits};
        for (String po : pos) {
            importOrder(po, partner);
        }
        // this partner puts its own order number in BAK03 and ours in REF*PO: the standard mapping misses the PO
        process(OPS, acknowledgement(sender, pos[0], "SO-" + digits + "-1"));
        assertThat(lineStatus(pos[0])).isEqualTo("OPEN");
        String mapping = "{\"partner\": \"" + partner + "\", \"sets\": {\"855\": {\"poNumber\": \"REF02[REF01=PO]\"}}}";

        // replayed first: the draft reads the document into another event, which now finds its PO
        var replay = post(
                "/api/v1/replays",
                OPS,
                "{\"partnerId\": \"%s\", \"from\": \"%s\", \"to\": \"%s\", \"draft\": {\"mappings\": %s}}"
                        .formatted(partner, from, Instant.now().plusSeconds(5), mapping));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        JsonNode report = awaitReplay(json(replay).path("id").asText());
        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.path("eventsChanged").asInt()).isEqualTo(1);
        assertThat(report.path("report")
                        .path("eventChanges")
                        .get(0)
                        .path("after")
                        .asText())
                .contains(pos[0]);
        assertThat(lineStatus(pos[0])).isEqualTo("OPEN");

        var invalid = put(
                "/api/v1/partners/" + partner + "/mapping",
                "{\"reason\": \"typo\", \"mapping\": {\"partner\": \"" + partner
                        + "\", \"sets\": {\"855\": {\"poNumber\": \"NOPE99[\"}}}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        var published = put(
                "/api/v1/partners/" + partner + "/mapping",
                "{\"reason\": \"their PO number is in REF*PO\", \"mapping\": " + mapping + "}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/partners/" + partner + "/mapping", OPS))
                        .path("source")
                        .asText())
                .isEqualTo("published");

        process(OPS, acknowledgement(sender, pos[1], "SO-" + digits + "-2"));
        assertThat(lineStatus(pos[1])).isEqualTo("CONFIRMED");

        var rolledBack = post(
                "/api/v1/partners/" + partner + "/mapping/versions/0/rollback",
                OPS,
                "{\"reason\": \"the partner fixed its BAK03\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/partners/" + partner + "/mapping", OPS))
                        .path("source")
                        .asText())
                .isEqualTo("standard");
        process(OPS, acknowledgement(sender, pos[2], "SO-" + digits + "-3"));
        assertThat(lineStatus(pos[2])).isEqualTo("OPEN");

        JsonNode versions = json(get("/api/v1/partners/" + partner + "/mapping/versions", OPS));
        assertThat(versions.path("items")).hasSize(2);
        assertThat(versions.path("current").asInt()).isZero();
        assertThat(json(get("/api/v1/audit?kind=MAPPING_PUBLISHED&partnerId=" + partner, OPS))
                        .path("items"))
                .hasSize(2);

        // an admin publishes the same from the partner's page in the portal
        PortalSession admin = PortalSession.signIn(port, "ops", "ops");
        var refused = admin.post(
                "/portal/ops/partners/" + partner + "/mapping",
                java.util.Map.of("document", mapping.replace("REF02[REF01=PO]", "NOPE99["), "reason", "typo"));
        assertThat(admin.follow(refused).body()).contains("was not published");
        var fromPortal = admin.post(
                "/portal/ops/partners/" + partner + "/mapping",
                java.util.Map.of("document", mapping, "reason", "their PO number is in REF*PO again"));
        assertThat(admin.follow(fromPortal).body()).contains("version 3 is in force");
        assertThat(json(get("/api/v1/partners/" + partner + "/mapping", OPS))
                        .path("version")
                        .asInt())
                .isEqualTo(3);
        assertThat(PortalSession.signIn(port, "acme", "acme")
                        .post("/portal/ops/partners/" + partner + "/mapping", java.util.Map.of("document", mapping))
                        .statusCode())
                .isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> put(String path, String body) {
        return new GatewayClient(port).call("PUT", path, OPS, "application/json", body.getBytes());
    }

    private String freightShipment(String carrier, String po) {
        String id = "SH-R" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        var shipped = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "%s", "references": {"bol": "BOL-%s"}, "poNumbers": ["%s"],
                 "plannedDelivery": "%s", "expectedFreight": {"amount": 1000.00, "currency": "USD"}}
                """
                        .formatted(id, carrier, id, po, today().plusDays(5)));
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        return id;
    }

    private void freightInvoice(String carrier, String shipment, String total) {
        var invoice = post(
                "/api/v1/invoices?partnerId=" + carrier,
                OPS,
                """
                {"invoiceNumber": "FI-%s", "kind": "FREIGHT", "invoiceDate": "%s", "currency": "USD", "total": %s,
                 "references": {"shipmentId": "%s"}, "charges": [{"code": "FREIGHT", "amount": %s}]}
                """
                        .formatted(shipment, today(), total, shipment, total));
        assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(202);
        assertThat(awaitEnd(json(invoice).path("messageId").asText())
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
    }

    @Test
    void aDraftFreightToleranceShowsTheInvoicesThatWouldHaveBeenPaidWithoutReview() {
        Instant from = Instant.now().minusSeconds(5);
        String carrier = "rfr-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Replay Freight", "role": "CARRIER", "state": "LIVE",
                 "stateReason": "moved from our old gateway", "channels": [{"kind": "WEBHOOK", "address": "%s"}]}
                """
                        .formatted(carrier, OUTSIDE.url("/hooks/" + carrier)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        String po = "38" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        importOrder(po, "acme-supply");
        freightInvoice(carrier, freightShipment(carrier, po), "1010.00"); // 1 %: inside 2 %
        freightInvoice(carrier, freightShipment(carrier, po), "1030.00"); // 3 % and 30.00: outside; inside 4 %

        var started = post(
                "/api/v1/replays",
                OPS,
                """
                {"partnerId": "%s", "from": "%s", "to": "%s",
                 "draft": {"policy": {"freight.tolerancePercent": "4", "freight.toleranceAmount": "50"}}}
                """
                        .formatted(carrier, from, Instant.now().plusSeconds(5)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode report = awaitReplay(json(started).path("id").asText());

        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.path("decisionsFlippedCount").asInt())
                .as(report.toString())
                .isEqualTo(1);
        assertThat(report.path("decisionsFlipped").get(0).path("rule").asText()).startsWith("invoice.");
        JsonNode usd = report.path("money").path("USD");
        assertThat(usd.path("insideBefore").decimalValue()).isEqualByComparingTo("1010.00");
        assertThat(usd.path("outsideBefore").decimalValue()).isEqualByComparingTo("1030.00");
        assertThat(usd.path("insideAfter").decimalValue()).isEqualByComparingTo("2040.00");
        assertThat(usd.path("paidWithoutReview").decimalValue()).isEqualByComparingTo("1030.00");
        assertThat(report.path("autonomyBefore").asDouble()).isEqualTo(0.5);
        assertThat(report.path("autonomyAfter").asDouble()).isEqualTo(1.0);
    }
}
