package io.seamline.portal.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Spring's error page, for what reaches it without a route: under {@code /api/} an RFC 9457 problem detail like every
 * other API error ({@code GET /api/v1/nope} → 404 {@code application/problem+json}), elsewhere as Spring answers (the
 * portal's error pages). Replaces Spring Boot's own error controller, which it extends.
 */
@Component
class UnmatchedApiRequests extends BasicErrorController {

    UnmatchedApiRequests(
            ErrorAttributes attributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers) {
        super(attributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith("/api/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        String detail = status == HttpStatus.NOT_FOUND
                ? "The Seamline API has no " + path + " (see /api/v1/openapi.json)."
                : status.getReasonPhrase() + ".";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(new ApiProblem(status.value(), status.getReasonPhrase(), detail, List.of()).body(path));
    }
}
