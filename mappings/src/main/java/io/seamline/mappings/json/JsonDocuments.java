package io.seamline.mappings.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads inbound JSON documents into plain records and, when that fails, says where and why in a partner's words:
 * {@code lines[0].quantity: cannot read 'lots' as a number}, {@code line 2, column 12: malformed JSON: …}.
 */
public final class JsonDocuments {

    private JsonDocuments() {}

    /** A JSON object, or an array of them; {@code array()} tells which it was. */
    public record OneOrMany<T>(List<T> documents, boolean array) {}

    public static <T> Parsed<T> one(byte[] json, Class<T> type) {
        Parsed<OneOrMany<T>> read = read(json, type, false);
        return read.map(many -> many.documents().get(0));
    }

    public static <T> Parsed<OneOrMany<T>> oneOrMany(byte[] json, Class<T> type) {
        return read(json, type, true);
    }

    private static <T> Parsed<OneOrMany<T>> read(byte[] json, Class<T> type, boolean arrayAllowed) {
        if (json == null || new String(json, StandardCharsets.UTF_8).isBlank()) {
            return Parsed.invalid("body", "is empty; expected a JSON " + (arrayAllowed ? "object or array" : "object"));
        }
        boolean array = arrayAllowed && startsWithArray(json);
        List<T> documents;
        try {
            Optional<FieldProblem> insane = JsonNumbers.insane(Json.mapper().readTree(json));
            if (insane.isPresent()) {
                return Parsed.invalid(List.of(insane.get()));
            }
            if (array) {
                JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
                documents = Json.mapper().readValue(json, listType);
            } else {
                T single = Json.mapper().readValue(json, type);
                documents = single == null ? null : List.of(single);
            }
        } catch (IOException e) {
            return Parsed.invalid(locate(e), describe(e));
        }
        if (documents == null) {
            return Parsed.invalid("body", "is null; expected a JSON object");
        }
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null) {
                return Parsed.invalid("[" + i + "]", "is null; expected an object");
            }
        }
        return Parsed.valid(new OneOrMany<>(documents, array));
    }

    private static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '[';
            }
        }
        return false;
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
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Integer", "Long", "int", "long" -> "a number";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "LocalDateTime" -> "a local date and time (YYYY-MM-DDThh:mm)";
            case "String" -> "a string";
            case "List" -> "an array";
            case "Map" -> "an object";
            default -> "an object";
        };
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
