package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.json.Json;
import io.seamline.portal.security.Caller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One API call as the handlers see it: who calls, the method, path and query parameters, the raw body, and the
 * {@code Idempotency-Key} it was sent with (null without), its {@code Seamline-Test} header (null without), and the
 * body's {@code Content-Type} (null without).
 */
public record ApiRequest(
        Caller caller,
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        byte[] body,
        String idempotencyKey,
        String testMarker,
        String contentType) {

    /** The header that marks a call as a test: {@code Seamline-Test: true}. */
    public static final String TEST_HEADER = "Seamline-Test";

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Whether what this call sends is a test ({@link #TEST_HEADER} {@code true}, or credentials issued for testing):
     * it runs the real pipeline and changes nothing of production. A marker that is neither true nor false is refused
     * rather than taken for production.
     */
    public boolean test() {
        if (caller.has(io.seamline.portal.security.Role.TEST)) {
            return true;
        }
        if (testMarker == null || testMarker.isBlank() || testMarker.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (testMarker.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiProblem.badRequest(TEST_HEADER, "is true or false");
    }

    /** Whether the body was sent as this media type ({@code application/xml}), parameters aside. */
    public boolean sentAs(String... mediaTypes) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim();
        for (String mediaType : mediaTypes) {
            if (type.equalsIgnoreCase(mediaType)) {
                return true;
            }
        }
        return false;
    }

    /** A path parameter, such as {@code po} in {@code /purchase-orders/{po}}. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name + " on " + path);
        }
        return value;
    }

    /** The first value of a query parameter, blank values treated as absent. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0).trim());
    }

    /**
     * The body as a JSON object naming only {@code fields}; a malformed body, another type or another field is a 400
     * that says which.
     */
    public JsonNode jsonObject(Set<String> fields) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body());
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON");
        }
        if (json == null || !json.isObject()) {
            throw ApiProblem.badRequest("body", "is a JSON object");
        }
        var unknown = new ArrayList<FieldProblem>();
        json.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                unknown.add(new FieldProblem(name, "is not a field of this request"));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("the request is not valid", unknown);
        }
        return json;
    }
}
