package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.retention.BulkFilter;
import io.seamline.model.retention.Job;
import io.seamline.routes.bulk.BulkOperations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /bulk} and {@code /jobs} (ADMIN): reprocess, resend or retry what a filter selects — a dry run first says how
 * many and which — as a background job with progress, cancellable, audited.
 */
@Component
class BulkApi {

    /** More control numbers than a person pastes from a partner's complaint; a longer list is a filter by period. */
    private static final int MAX_CONTROL_NUMBERS = 1_000;

    private static final Set<String> FILTER =
            Set.of("partnerId", "channel", "documentType", "status", "from", "to", "controlNumbers");

    private final BulkOperations bulk;

    public BulkApi(BulkOperations bulk) {
        this.bulk = bulk;
    }

    public Reply reprocess(ApiRequest request) {
        return start(request, Job.Kind.REPROCESS);
    }

    public Reply resend(ApiRequest request) {
        return start(request, Job.Kind.RESEND);
    }

    public Reply retry(ApiRequest request) {
        return start(request, Job.Kind.RETRY);
    }

    private Reply start(ApiRequest request, Job.Kind kind) {
        JsonNode body = request.jsonObject(
                kind == Job.Kind.RESEND ? Set.of("filter", "dryRun", "newControlNumber") : Set.of("filter", "dryRun"));
        var problems = new ArrayList<FieldProblem>();
        BulkFilter filter = filter(body.path("filter"), problems);
        if (problems.isEmpty() && filter.empty()) {
            problems.add(new FieldProblem("filter", "names at least one of " + String.join(", ", FILTER)));
        }
        for (String flag : List.of("dryRun", "newControlNumber")) {
            if (body.has(flag) && !body.path(flag).isBoolean()) {
                problems.add(new FieldProblem(flag, "is true or false"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the bulk request is not valid", problems);
        }
        var operation = new BulkOperations.Request(
                kind, filter, body.path("newControlNumber").asBoolean(false));
        if (!body.has("dryRun") || body.path("dryRun").asBoolean()) {
            BulkOperations.Selection selection = bulk.dryRun(operation);
            var view = new LinkedHashMap<String, Object>();
            view.put("dryRun", true);
            view.put("operation", kind.name());
            view.put("count", selection.count());
            view.put("tooMany", selection.tooMany());
            view.put(
                    kind == Job.Kind.RETRY ? "deliveries" : "messages",
                    selection.sample().stream().map(UUID::toString).toList());
            return Reply.ok(view);
        }
        Map<String, Object> given = Json.mapper().convertValue(body.path("filter"), Map.class);
        Job job = bulk.start(operation, given, request.caller().actor())
                .orElseThrow(() -> ApiProblem.badRequest(
                        "filter", "selects more than " + BulkOperations.MAX_ITEMS + " items: narrow it"));
        return Reply.accepted(view(job)).withHeader("Location", "/api/v1/jobs/" + job.id());
    }

    public Reply jobs(ApiRequest request) {
        return Reply.ok(
                Map.of("items", bulk.recent().stream().map(BulkApi::view).toList()));
    }

    public Reply job(ApiRequest request) {
        UUID id = id(request);
        return Reply.ok(view(bulk.find(id).orElseThrow(() -> ApiProblem.notFound("job " + id))));
    }

    public Reply cancel(ApiRequest request) {
        UUID id = id(request);
        Job job = bulk.find(id).orElseThrow(() -> ApiProblem.notFound("job " + id));
        if (!bulk.cancel(id, request.caller().actor())) {
            throw ApiProblem.conflict(
                    "the job is " + job.status().name().toLowerCase(),
                    List.of(new FieldProblem("id", "is not running")));
        }
        return Reply.accepted(view(bulk.find(id).orElseThrow()));
    }

    private static UUID id(ApiRequest request) {
        try {
            return UUID.fromString(request.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("job " + request.pathParam("id"));
        }
    }

    private static BulkFilter filter(JsonNode node, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem("filter", "is an object"));
            return new BulkFilter(null, null, null, null, null, null, List.of());
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FILTER.contains(name)) {
                problems.add(new FieldProblem("filter." + name, "is not a filter: use " + String.join(", ", FILTER)));
            }
        });
        String partner = text(node, "partnerId");
        if (partner != null && !PartnerId.isValid(partner)) {
            problems.add(new FieldProblem("filter.partnerId", "is a partner's id"));
        }
        String channel = oneOf(node, "channel", Channel.values(), problems);
        String status = oneOf(node, "status", MessageStatus.values(), problems);
        Instant from = instant(node, "from", problems);
        Instant to = instant(node, "to", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("filter.to", "is after from (the period is [from, to))"));
        }
        return new BulkFilter(
                partner, channel, text(node, "documentType"), status, from, to, controlNumbers(node, problems));
    }

    /** The value in upper case if it is one of the names, else a problem naming them (a typo would select nothing). */
    private static String oneOf(JsonNode node, String field, Enum<?>[] names, List<FieldProblem> problems) {
        String value = upper(text(node, field));
        if (value == null || Arrays.stream(names).anyMatch(name -> name.name().equals(value))) {
            return value;
        }
        problems.add(new FieldProblem(
                "filter." + field,
                "is one of " + Arrays.stream(names).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    private static List<String> controlNumbers(JsonNode node, List<FieldProblem> problems) {
        JsonNode given = node.path("controlNumbers");
        var controls = new ArrayList<String>();
        if (given.isMissingNode() || given.isNull()) {
            return controls;
        }
        if (!given.isArray() || given.size() > MAX_CONTROL_NUMBERS) {
            problems.add(new FieldProblem(
                    "filter.controlNumbers", "is a list of at most " + MAX_CONTROL_NUMBERS + " control numbers"));
            return controls;
        }
        for (JsonNode control : given) {
            String value = control.isTextual() || control.isIntegralNumber()
                    ? control.asText().strip()
                    : "";
            if (value.isEmpty() || value.length() > 35) {
                problems.add(
                        new FieldProblem("filter.controlNumbers", "holds control numbers (text, 1 to 35 characters)"));
                return List.of();
            }
            controls.add(value);
        }
        return controls;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.path(field).asText().isBlank()
                ? node.path(field).asText().strip()
                : null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant instant(JsonNode node, String field, List<FieldProblem> problems) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("filter." + field, "is an instant such as 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    private static Map<String, Object> view(Job job) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", job.id().toString());
        view.put("operation", job.kind().name());
        view.put("status", job.status().name());
        view.put("filter", job.filter());
        view.put("options", job.options());
        view.put("total", job.total());
        view.put("done", job.done());
        view.put("failed", job.failed());
        view.put("progress", job.total() == 0 ? 1.0 : (double) job.done() / job.total());
        view.put("errors", job.errors());
        view.put("startedBy", job.startedBy());
        view.put("startedAt", job.startedAt().toString());
        if (job.finishedAt() != null) {
            view.put("finishedAt", job.finishedAt().toString());
        }
        view.put("cancelRequested", job.cancelRequested());
        return view;
    }
}
