package io.seamline.mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DeductionDisputed;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner documents the API takes as canonical JSON (ship notices, shipment status, invoices, customs status,
 * PO acknowledgements): each is validated
 * against the JSON Schema the API publishes ({@code /api/v1/schemas/<name>}), then read into the same canonical event
 * an EDI document becomes. Problems name the field ({@code lines[0].quantity}) and say what is wrong.
 */
public enum ApiDocuments {
    SHIPMENT_NOTICE("shipment.notice", "shipment-notice", ShipmentAdvised.class),
    SHIPMENT_STATUS("shipment.status", "shipment-status", ShipmentStatusReported.class),
    INVOICE("invoice.received", "invoice", InvoiceReceived.class),
    CUSTOMS_STATUS("customs.status", "customs-status", CustomsStatusReported.class),
    PO_ACKNOWLEDGEMENT("po.acknowledged", "po-acknowledgement", OrderAcknowledged.class),
    DEDUCTION_DISPUTE("deduction.disputed", "deduction-dispute", DeductionDisputed.class);

    private static final Map<ApiDocuments, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final String documentType;
    private final String schemaName;
    private final Class<? extends EventData> type;

    ApiDocuments(String documentType, String schemaName, Class<? extends EventData> type) {
        this.documentType = documentType;
        this.schemaName = schemaName;
        this.type = type;
    }

    /** The archive's document type of such a message ({@code shipment.notice}…). */
    public String documentType() {
        return documentType;
    }

    /** The schema's name in {@code /api/v1/schemas/<name>}. */
    public String schemaName() {
        return schemaName;
    }

    public static java.util.Optional<ApiDocuments> ofDocumentType(String documentType) {
        for (ApiDocuments document : values()) {
            if (document.documentType.equals(documentType)) {
                return java.util.Optional.of(document);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.Optional<ApiDocuments> ofSchemaName(String name) {
        for (ApiDocuments document : values()) {
            if (document.schemaName.equals(name)) {
                return java.util.Optional.of(document);
            }
        }
        return java.util.Optional.empty();
    }

    /** The JSON Schema, as published. */
    public byte[] schema() {
        try (InputStream in = resource()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates and reads a document. {@code fromPath} are fields the URL fixes (the shipment id of a status, the PO
     * of an acknowledgement): where the body gives one too, it must say the same, or the document is invalid (a
     * request about one object never acts on another).
     */
    public Parsed<EventData> parse(byte[] json, Map<String, Object> fromPath) {
        if (json == null || new String(json, StandardCharsets.UTF_8).isBlank()) {
            return Parsed.invalid("body", "is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (IOException e) {
            return Parsed.invalid(
                    "body",
                    "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            return Parsed.invalid("body", "expected a JSON object");
        }
        Optional<FieldProblem> insane = JsonNumbers.insane(node);
        if (insane.isPresent()) {
            return Parsed.invalid(List.of(insane.get()));
        }
        Set<ValidationMessage> messages = schemaValidator().validate(node);
        if (!messages.isEmpty()) {
            return Parsed.invalid(messages.stream()
                    .map(ApiDocuments::problem)
                    .sorted(Comparator.comparing(FieldProblem::location))
                    .toList());
        }
        ObjectNode document = (ObjectNode) node;
        for (Map.Entry<String, Object> fixed : fromPath.entrySet()) {
            JsonNode given = document.get(fixed.getKey());
            if (given != null && !given.isNull() && !given.asText().trim().equals(String.valueOf(fixed.getValue()))) {
                return Parsed.invalid(
                        fixed.getKey(),
                        "must be " + fixed.getValue() + ", the " + fixed.getKey() + " the URL names; was "
                                + given.asText());
            }
        }
        if (this == SHIPMENT_STATUS) {
            ObjectNode references = document.putObject("references");
            fromPath.forEach((k, v) -> references.put(k, String.valueOf(v)));
        }
        if (this == PO_ACKNOWLEDGEMENT && fromPath.containsKey("poNumber")) {
            document.put("poNumber", String.valueOf(fromPath.get("poNumber")));
        }
        if (this == DEDUCTION_DISPUTE && fromPath.containsKey("deductionNumber")) {
            document.put("deductionNumber", String.valueOf(fromPath.get("deductionNumber")));
        }
        try {
            return Parsed.valid(Json.mapper().treeToValue(document, type));
        } catch (IOException e) {
            return Parsed.invalid("body", "cannot be read: " + e.getMessage());
        }
    }

    private JsonSchema schemaValidator() {
        return SCHEMAS.computeIfAbsent(this, d -> {
            var config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            try (InputStream in = d.resource()) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private InputStream resource() {
        InputStream in = ApiDocuments.class.getResourceAsStream("/schemas/" + schemaName + ".schema.json");
        if (in == null) {
            throw new IllegalStateException("missing schema " + schemaName);
        }
        return in;
    }

    /** {@code /lines/0/quantity: must be …} as {@code lines[0].quantity} and {@code must be …}. */
    private static FieldProblem problem(ValidationMessage message) {
        String field = field(message.getInstanceLocation().toString());
        if (message.getProperty() != null
                && (message.getType().equals("required") || message.getType().equals("additionalProperties"))) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if (colon >= 0 && (text.startsWith("/") || text.startsWith("$") || text.startsWith(": "))) {
            text = text.substring(colon + 2);
        }
        return new FieldProblem(field.isEmpty() ? "body" : field, text);
    }

    /** A JSON Pointer ({@code /lines/0/quantity}) or path ({@code $.lines[0]}) in the API's notation. */
    static String field(String location) {
        if (location.startsWith("$")) {
            return location.replaceFirst("^\\$\\.?", "");
        }
        var field = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    /** Every document the API takes this way. */
    public static List<ApiDocuments> all() {
        return List.of(values());
    }
}
