package io.seamline.portal.api;

import io.seamline.mappings.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is not a success, as an RFC 9457 problem detail. {@code errors} names each field that is wrong;
 * handlers throw it, the dispatcher writes it.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<FieldProblem> errors;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail, List<FieldProblem> errors) {
        return new ApiProblem(400, "Bad Request", detail, errors);
    }

    public static ApiProblem badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** What a partner also gets for another partner's objects: we do not say they exist. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not Found", what + " was not found", List.of());
    }

    public static ApiProblem conflict(String detail, List<FieldProblem> errors) {
        return new ApiProblem(409, "Conflict", detail, errors);
    }

    /** The members RFC 9457 defines (and ours, {@code errors}): an extension never replaces them. */
    private static final java.util.Set<String> MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance", "errors");

    /** Adds an extension member to the problem body (such as the {@code messageId} of archived input). */
    public ApiProblem with(String name, Object value) {
        if (MEMBERS.contains(name)) {
            throw new IllegalArgumentException(name + " is a member of every problem detail, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    /** The problem detail body for a request to {@code instance}. */
    public Map<String, Object> body(String instance) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.putAll(extensions);
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of("field", e.location(), "message", e.message()))
                            .toList());
        }
        return body;
    }

    /** One entry of {@code errors}: the field (or location in a file) and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public Reply reply(String instance) {
        return new Reply(status, body(instance), Reply.PROBLEM_JSON, Map.of());
    }
}
