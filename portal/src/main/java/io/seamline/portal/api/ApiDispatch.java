package io.seamline.portal.api;

import io.seamline.mappings.json.Json;
import io.seamline.portal.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Between Camel and the handlers: builds the {@link ApiRequest} from the HTTP exchange, calls the handler, and
 * writes its {@link Reply} (or the {@link ApiProblem} it threw) back. Nothing of the request's own headers is echoed.
 */
@Component
public class ApiDispatch {

    private static final Logger log = LoggerFactory.getLogger(ApiDispatch.class);

    /** Header Camel's platform-http puts the servlet request in. */
    private static final String SERVLET_REQUEST = "CamelHttpServletRequest";

    /** A processor that runs {@code handler} for the route's requests. */
    public Processor to(List<String> pathParams, Function<ApiRequest, Reply> handler) {
        return exchange -> {
            ApiRequest request = request(exchange, pathParams);
            Reply reply;
            try {
                reply = handler.apply(request);
            } catch (ApiProblem problem) {
                reply = problem.reply(request.path());
            }
            write(exchange, reply);
        };
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
        return new ApiRequest(caller, path, params, query, body);
    }

    private static void write(Exchange exchange, Reply reply) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, reply.mediaType());
        reply.headers().forEach(out::setHeader);
        if (reply.body() == null) {
            out.setBody(null);
        } else if (reply.body() instanceof byte[] bytes) {
            out.setBody(bytes);
        } else {
            out.setBody(Json.write(reply.body()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
