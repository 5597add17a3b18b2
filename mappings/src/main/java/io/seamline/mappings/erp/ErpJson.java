package io.seamline.mappings.erp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpDocuments.PurchaseOrderDocument;
import io.seamline.mappings.erp.ErpDocuments.ShipmentDocument;
import io.seamline.mappings.json.Json;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the ERP's JSON: one purchase order (or shipment) object, or an array of them. Problems are located by
 * field path: {@code lines[1].quantity}, or {@code [2].lines[1].quantity} inside an array.
 */
public final class ErpJson {

    private ErpJson() {}

    public static Parsed<List<PurchaseOrder>> purchaseOrders(byte[] json) {
        return read(json, PurchaseOrderDocument.class, (validation) -> validation::purchaseOrders);
    }

    public static Parsed<List<Shipment>> shipments(byte[] json) {
        return read(json, ShipmentDocument.class, (validation) -> validation::shipments);
    }

    /** Reads whichever the document holds, told apart by its first object's fields. */
    public static Parsed<ErpBatch> batch(byte[] json) {
        JsonNode first = firstObject(json);
        if (first != null && first.has("shipmentId")) {
            return shipments(json).map(ErpBatch::ofShipments);
        }
        return purchaseOrders(json).map(ErpBatch::ofPurchaseOrders);
    }

    private static <D, T> Parsed<List<T>> read(
            byte[] json, Class<D> type, Function<ErpValidation, Function<List<D>, List<T>>> convert) {
        if (json == null || new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Parsed.invalid("body", "is empty; expected a JSON object or array");
        }
        ObjectMapper mapper = Json.mapper();
        boolean array = startsWithArray(json);
        List<D> documents;
        try {
            if (array) {
                JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
                documents = mapper.readValue(json, listType);
            } else {
                D single = mapper.readValue(json, type);
                documents = single == null ? null : List.of(single);
            }
        } catch (IOException e) {
            return Parsed.invalid(locate(e), describe(e));
        }
        if (documents == null) {
            return Parsed.invalid("body", "is null; expected a JSON object or array");
        }
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null) {
                return Parsed.invalid("[" + i + "]", "is null; expected an object");
            }
        }
        var validation = new ErpValidation((d, l, field) -> (array ? "[" + d + "]" : "")
                + (l >= 0 ? (array ? "." : "") + "lines[" + l + "]" : "")
                + (field.isEmpty() ? "" : ((array || l >= 0) ? "." : "") + field));
        List<T> values = convert.apply(validation).apply(documents);
        return validation.problems().isEmpty() ? Parsed.valid(values) : Parsed.invalid(validation.problems());
    }

    private static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '[';
            }
        }
        return false;
    }

    private static JsonNode firstObject(byte[] json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            return root != null && root.isArray() ? root.path(0) : root;
        } catch (IOException e) {
            return null;
        }
    }

    private static String locate(IOException e) {
        StreamReadException malformed = malformed(e);
        if (malformed != null && malformed.getLocation() != null) {
            JsonLocation at = malformed.getLocation();
            return "line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            var path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "body";
    }

    /** The parser's complaint, if the bytes are not JSON at all; databind wraps it at times. */
    private static StreamReadException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && !(t instanceof DatabindException)) {
                return read;
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        StreamReadException malformed = malformed(e);
        if (malformed != null) {
            return "malformed JSON: " + malformed.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException format) {
            return "cannot read " + quoted(format.getValue()) + " as " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof DatabindException databind) {
            return databind.getOriginalMessage();
        }
        return "unreadable: " + e.getMessage();
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "BigDecimal" -> "a number";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "String" -> "a string";
            case "List" -> "an array";
            default -> type.getSimpleName().endsWith("Document") ? "an object" : "a " + type.getSimpleName();
        };
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
