package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.partners.Publications;
import io.seamline.mappings.json.Json;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PublishedKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /partners/{id}/mapping} and {@code /partners/{id}/template}: a partner's EDI mapping and e-mail template
 * managed at run time — the one in force, publishing a new version (checked first, with a reason), its versions, and
 * a rollback (version 0: the file again).
 */
@Component
class MappingsApi {

    private final Publications publications;

    public MappingsApi(Publications publications) {
        this.publications = publications;
    }

    public Reply get(ApiRequest request) {
        PartnerId partner = partner(request);
        Publications.InForce inForce = publications.inForce(partner, kind(request));
        var body = new LinkedHashMap<String, Object>();
        body.put("partnerId", partner.value());
        body.put("version", inForce.version());
        body.put("source", inForce.version() > 0 ? "published" : inForce.file() ? "file" : "standard");
        inForce.published().ifPresent(json -> body.put(field(request), tree(json)));
        return Reply.ok(body);
    }

    /** {@code PUT /partners/{id}/mapping} with {@code {"reason", "mapping": {…}}}. */
    public Reply publish(ApiRequest request) {
        PartnerId partner = partner(request);
        JsonNode body = body(request);
        String field = field(request);
        if (!body.path(field).isObject()) {
            throw ApiProblem.badRequest(field, "is the partner's " + field + " document (as its file)");
        }
        return answer(
                partner,
                publications.publish(
                        partner,
                        kind(request),
                        body.path(field).toString().getBytes(StandardCharsets.UTF_8),
                        text(body, "reason"),
                        request.caller().actor()));
    }

    public Reply versions(ApiRequest request) {
        PartnerId partner = partner(request);
        String field = field(request);
        var items = publications.versions(partner, kind(request)).stream()
                .map(v -> {
                    var item = new LinkedHashMap<String, Object>();
                    item.put("version", v.version());
                    item.put("at", v.at());
                    item.put("author", v.author());
                    item.put("reason", v.reason());
                    item.put("rolledBackFrom", v.rolledBackFrom());
                    item.put(field, v.mapping() == null ? null : tree(v.mapping()));
                    return (Object) item;
                })
                .toList();
        return Reply.ok(Map.of(
                "partnerId",
                partner.value(),
                "current",
                publications.inForce(partner, kind(request)).version(),
                "items",
                items));
    }

    public Reply rollback(ApiRequest request) {
        PartnerId partner = partner(request);
        int version;
        try {
            version = Integer.parseInt(request.pathParam("version"));
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("mapping version " + request.pathParam("version"));
        }
        if (version < 0) {
            throw ApiProblem.notFound("mapping version " + version);
        }
        return answer(
                partner,
                publications.rollback(
                        partner,
                        kind(request),
                        version,
                        text(body(request), "reason"),
                        request.caller().actor()));
    }

    private static Reply answer(PartnerId partner, Publications.Published published) {
        if (published instanceof Publications.Published.Done done) {
            return Reply.ok(Map.of("partnerId", partner.value(), "version", done.version()));
        }
        if (published instanceof Publications.Published.Refused refused) {
            throw ApiProblem.badRequest("the mapping cannot be published", refused.problems());
        }
        throw ApiProblem.notFound("partner " + partner + " or its mapping version");
    }

    /** Which document the path is about: {@code …/mapping…} or {@code …/template…}. */
    private static PublishedKind kind(ApiRequest request) {
        return request.path().contains("/template") ? PublishedKind.TEMPLATE : PublishedKind.MAPPING;
    }

    private static String field(ApiRequest request) {
        return kind(request) == PublishedKind.MAPPING ? "mapping" : "template";
    }

    private static PartnerId partner(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id)) {
            throw ApiProblem.notFound("partner " + id);
        }
        return PartnerId.of(id);
    }

    private static JsonNode body(ApiRequest request) {
        try {
            JsonNode body = Json.mapper().readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ApiProblem.badRequest("body", "is a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).isTextual() ? body.path(field).asText() : null;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
