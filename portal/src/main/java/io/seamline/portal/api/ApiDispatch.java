package io.seamline.portal.api;

import io.seamline.mappings.json.Json;
import io.seamline.portal.security.Callers;
import io.seamline.routes.requests.Idempotency;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Between Camel and the handlers: builds the {@link ApiRequest} from the HTTP exchange, calls the handler, and
 * writes its {@link Reply} (or the {@link ApiProblem} it threw) back, within the caller's rate limit and, for a POST
 * with an {@code Idempotency-Key}, once per key. Nothing of the request's own headers is echoed.
 */
@Component
class ApiDispatch {

    private static final Logger log = LoggerFactory.getLogger(ApiDispatch.class);

    /** Header Camel's platform-http puts the servlet request in. */
    private static final String SERVLET_REQUEST = "CamelHttpServletRequest";

    private final Idempotency idempotency;
    private final RateLimits limits;

    public ApiDispatch(Idempotency idempotency, RateLimits limits) {
        this.idempotency = idempotency;
        this.limits = limits;
    }

    /** A processor that runs {@code handler} for the route's requests. */
    public Processor to(List<String> pathParams, Function<ApiRequest, Reply> handler) {
        return exchange -> {
            ApiRequest request = request(exchange, pathParams);
            Optional<Reply> limited = limits.check(request.caller());
            if (limited.isPresent()) {
                write(exchange, limited.get());
                return;
            }
            if (request.idempotencyKey() != null && request.method().equals("POST")) {
                idempotent(exchange, request, handler);
                return;
            }
            write(exchange, answer(request, handler));
        };
    }

    private static Reply answer(ApiRequest request, Function<ApiRequest, Reply> handler) {
        try {
            return io.seamline.portal.security.Doors.through("API", () -> handler.apply(request));
        } catch (ApiProblem problem) {
            return problem.reply(request.path());
        }
    }

    /**
     * A POST with an Idempotency-Key: the first runs and its answer (success or a 4xx problem) is kept; the same key
     * with the same request gets that answer again, with another request a 422; while the first still runs, a 409.
     */
    private void idempotent(Exchange exchange, ApiRequest request, Function<ApiRequest, Reply> handler) {
        String key = request.idempotencyKey();
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            write(
                    exchange,
                    ApiProblem.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters")
                            .reply(request.path()));
            return;
        }
        String owner = request.caller().actor();
        String query = exchange.getIn().getHeader(Exchange.HTTP_QUERY, "", String.class);
        String fingerprint = Idempotency.fingerprint(
                request.method(), request.path() + (query.isEmpty() ? "" : "?" + query), request.body());
        Idempotency.Attempt attempt = idempotency.begin(owner, key, fingerprint);
        if (attempt instanceof Idempotency.Attempt.Replay replay) {
            var headers = new LinkedHashMap<>(replay.headers());
            headers.put("Idempotent-Replayed", "true");
            write(exchange, new Reply(replay.status(), replay.body(), replay.mediaType(), headers));
            return;
        }
        if (attempt instanceof Idempotency.Attempt.Mismatch) {
            write(
                    exchange,
                    new ApiProblem(
                                    422,
                                    "Unprocessable Content",
                                    "this Idempotency-Key was used for a different request",
                                    List.of())
                            .reply(request.path()));
            return;
        }
        if (attempt instanceof Idempotency.Attempt.InProgress) {
            write(
                    exchange,
                    ApiProblem.conflict("a request with this Idempotency-Key is still running", List.of())
                            .reply(request.path())
                            .withHeader("Retry-After", "1"));
            return;
        }
        Reply reply;
        try {
            reply = answer(request, handler);
        } catch (RuntimeException e) {
            idempotency.abandon(owner, key);
            throw e;
        }
        byte[] body = bytes(reply);
        idempotency.finish(owner, key, reply.status(), reply.mediaType(), reply.headers(), body);
        write(exchange, new Reply(reply.status(), body, reply.mediaType(), reply.headers()));
    }

    /** The answer to an exception no handler expected: a 500 problem, with the details in the log only. */
    public void unexpected(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class);
        log.error("API request {} failed", path, cause);
        write(
                exchange,
                new ApiProblem(500, "Internal Server Error", "the request could not be completed", List.of())
                        .reply(path));
    }

    private static ApiRequest request(Exchange exchange, List<String> pathParams) {
        Message in = exchange.getIn();
        var params = new HashMap<String, String>();
        for (String name : pathParams) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                params.put(name, value);
            }
        }
        var query = new HashMap<String, List<String>>();
        HttpServletRequest servlet = in.getHeader(SERVLET_REQUEST, HttpServletRequest.class);
        if (servlet != null) {
            for (Map.Entry<String, String[]> entry : servlet.getParameterMap().entrySet()) {
                query.put(entry.getKey(), Arrays.asList(entry.getValue()));
            }
        }
        String path = servlet != null ? servlet.getRequestURI() : in.getHeader(Exchange.HTTP_URI, "", String.class);
        byte[] body = in.getBody(byte[].class);
        var caller = Callers.current().orElseThrow(() -> new IllegalStateException("unauthenticated API call"));
        String method = servlet != null ? servlet.getMethod() : in.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String key = servlet != null ? servlet.getHeader("Idempotency-Key") : null;
        return new ApiRequest(
                caller,
                method,
                path,
                params,
                query,
                body == null ? new byte[0] : body,
                key == null ? null : key.trim(),
                servlet != null ? servlet.getHeader(ApiRequest.TEST_HEADER) : null,
                servlet != null ? servlet.getContentType() : in.getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    private static void write(Exchange exchange, Reply reply) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, reply.mediaType());
        reply.headers().forEach(out::setHeader);
        out.setBody(bytes(reply));
    }

    private static byte[] bytes(Reply reply) {
        if (reply.body() == null) {
            return null;
        }
        if (reply.body() instanceof byte[] bytes) {
            return bytes;
        }
        return Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
    }
}
