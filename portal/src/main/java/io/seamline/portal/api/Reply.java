package io.seamline.portal.api;

import java.util.Map;

/**
 * What a handler answers: a status, a body (serialized as JSON, or sent as is when it is {@code byte[]}), its media
 * type and extra headers such as {@code Location}.
 */
public record Reply(int status, Object body, String mediaType, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, JSON, Map.of());
    }

    public static Reply created(Object body, String location) {
        return new Reply(201, body, JSON, Map.of("Location", location));
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body, JSON, Map.of());
    }

    public static Reply bytes(byte[] content, String mediaType, Map<String, String> headers) {
        return new Reply(200, content, mediaType, headers);
    }

    /** The same reply with one more header. */
    public Reply withHeader(String name, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, mediaType, more);
    }
}
