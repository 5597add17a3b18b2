package io.seamline.portal.api;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Typed query parameters; a malformed one is a 400 that names it. */
final class Queries {

    static final int DEFAULT_LIMIT = 50;

    private Queries() {}

    static Window window(ApiRequest request) {
        int limit = integer(request, "limit").orElse(DEFAULT_LIMIT);
        int offset = integer(request, "offset").orElse(0);
        if (limit < 1 || limit > Window.MAX_LIMIT) {
            throw ApiProblem.badRequest("limit", "must be between 1 and " + Window.MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiProblem.badRequest("offset", "cannot be negative");
        }
        return new Window(limit, offset);
    }

    static <E extends Enum<E>> E enumeration(ApiRequest request, String name, Class<E> type) {
        Optional<String> value = request.queryParam(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static PartnerId partnerId(ApiRequest request, String name) {
        Optional<String> value = request.queryParam(name);
        if (value.isEmpty()) {
            return null;
        }
        if (!PartnerId.isValid(value.get())) {
            throw ApiProblem.badRequest(name, "not a partner id: " + value.get());
        }
        return PartnerId.of(value.get());
    }

    static Instant instant(ApiRequest request, String name) {
        Optional<String> value = request.queryParam(name);
        try {
            return value.map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, "must be an ISO-8601 instant such as 2026-11-22T08:00:00Z");
        }
    }

    private static Optional<Integer> integer(ApiRequest request, String name) {
        Optional<String> value = request.queryParam(name);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "must be a whole number");
        }
    }

    /** A period from {@code from} to {@code to}: by default the 30 days up to now; {@code from} before {@code to}. */
    static Instant[] period(ApiRequest request, java.time.Clock clock) {
        Instant to = instant(request, "to");
        Instant from = instant(request, "from");
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw ApiProblem.badRequest("from", "must be before to");
        }
        return new Instant[] {start, end};
    }
}
