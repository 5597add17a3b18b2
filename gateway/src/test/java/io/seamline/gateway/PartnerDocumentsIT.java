package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Partners without EDI post the same documents as canonical JSON, validated against the published JSON Schemas: a
 * supplier's ship notice, a carrier's status and freight invoice; each becomes the same event as its EDI twin.
 */
class PartnerDocumentsIT extends PipelineGatewayIT {

    private static String number() {
        return "48"
                + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                        .substring(0, 8);
    }

    private String plannedShipment(String po) {
        String shipment = "SH-" + po;
        var planned = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "references": {"bol": "BOL-%s"},
                 "poNumbers": ["%s"], "plannedDelivery": "%s", "expectedFreight": {"amount": 900.00, "currency": "USD"}}
                """
                        .formatted(shipment, po, po, today().plusDays(9)));
        assertThat(planned.statusCode()).isEqualTo(200);
        return shipment;
    }

    @Test
    void aSupplierPostsAShipNoticeAsJson() {
        String po = number();
        importOrder(po, "acme-supply");

        var accepted = post(
                "/api/v1/shipments/notices",
                "acme:acme",
                """
                {"shipmentId": "ASN-%s", "shipDate": "%s", "references": {"bol": "BOL-J-%s"},
                 "lines": [{"poNumber": "%s", "lineNumber": "1", "quantity": 4, "unit": "EA"}]}
                """
                        .formatted(po, today(), po, po));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode message = awaitEnd(json(accepted).path("messageId").asText());
        assertThat(message.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(message.path("channel").asText()).isEqualTo("API");
        JsonNode line = json(get("/api/v1/purchase-orders/" + po, "acme:acme"))
                .path("lines")
                .get(0);
        assertThat(line.path("shippedQuantity").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void aDocumentTheSchemaRefusesIsA400NamingTheFieldsAndIsArchived() {
        var refused = post(
                "/api/v1/shipments/notices",
                "acme:acme",
                "{\"shipDate\": \"tomorrow\", \"lines\": [{\"poNumber\": \"1\", \"lineNumber\": \"1\", \"quantity\": 0}]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json(refused);
        assertThat(problem.path("errors").toString()).contains("shipmentId", "shipDate", "lines[0].quantity");
        String messageId = problem.path("messageId").asText();
        assertThat(json(get("/api/v1/messages/" + messageId, "acme:acme"))
                        .path("status")
                        .asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void aCarrierPostsStatusAndFreightInvoiceForItsOwnShipmentOnly() {
        String po = number();
        importOrder(po, "acme-supply");
        String shipment = plannedShipment(po);

        var status = post(
                "/api/v1/shipments/" + shipment + "/status",
                "swift:swift",
                """
                {"status": "DELAYED", "eventTime": "%sT16:30", "estimatedDelivery": "%sT10:00", "reasonCode": "AG",
                 "location": {"city": "Memphis", "region": "TN", "country": "US"}}
                """
                        .formatted(today(), today().plusDays(30)));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(202);
        assertThat(awaitEnd(json(status).path("messageId").asText())
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        JsonNode seen = json(get("/api/v1/shipments/" + shipment, "swift:swift"));
        assertThat(seen.path("estimatedDelivery").asText())
                .startsWith(today().plusDays(30).toString());

        // another carrier's shipment is not found, whatever the body
        assertThat(post("/api/v1/shipments/SH-1002/status", "swift:swift", "{}").statusCode())
                .isEqualTo(404);

        var invoice = post(
                "/api/v1/invoices",
                "swift:swift",
                """
                {"invoiceNumber": "FI-%s", "kind": "FREIGHT", "invoiceDate": "%s", "currency": "USD", "total": 900.00,
                 "references": {"shipmentId": "%s", "bol": "BOL-%s"}, "charges": [{"code": "FREIGHT", "amount": 900.00}]}
                """
                        .formatted(po, today(), shipment, po));
        assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(202);
        assertThat(awaitEnd(json(invoice).path("messageId").asText())
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        assertThat(json(get("/api/v1/shipments/" + shipment + "/timeline", OPS)).toString())
                .contains("invoice.freight");
    }

    @Test
    void publishesTheJsonSchemas() {
        var schema = get("/schemas/invoice.json", null);
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
        assertThat(schema.body()).contains("\"$schema\"", "invoiceNumber");
        assertThat(get("/schemas/nothing.json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aCreditNoteIsReadAsACreditAndBookedByAPersonNeverPaid() {
        String po = number();
        importOrder(po, "acme-supply");

        var credit = post(
                "/api/v1/invoices",
                "acme:acme",
                """
                {"invoiceNumber": "CN-%s", "kind": "GOODS", "purpose": "CREDIT", "invoiceDate": "%s", "currency": "USD",
                 "total": 5.00, "poNumbers": ["%s"],
                 "lines": [{"lineNumber": "1", "poNumber": "%s", "poLine": "1", "quantity": 2, "unitPrice": 2.50}]}
                """
                        .formatted(po, today(), po, po));
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(202);
        JsonNode message = awaitEnd(json(credit).path("messageId").asText());

        assertThat(message.path("events").get(0).path("data").path("purpose").asText())
                .isEqualTo("CREDIT");
        JsonNode tasks = json(get("/api/v1/tasks?status=OPEN&kind=INVOICE_EXCEPTION&subject=po/" + po, OPS));
        assertThat(tasks.path("items"))
                .singleElement()
                .satisfies(t -> assertThat(t.path("summary").asText()).contains("credit note"));
        assertThat(json(get("/api/v1/purchase-orders/" + po, OPS))
                        .path("lines")
                        .get(0)
                        .path("invoicedQuantity")
                        .decimalValue())
                .isZero();
    }
}
