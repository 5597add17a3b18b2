package io.seamline.portal.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.partners.Publications;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.mappings.json.Json;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.replay.ReplayRun;
import io.seamline.routes.replay.Replays;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code /replays}: what a draft configuration would have done to archived traffic, before it is published (OPS,
 * ADMIN). A replay runs in the background; its report stays.
 */
@Component
class ReplaysApi {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Replays replays;
    private final Publications publications;

    public ReplaysApi(Replays replays, Publications publications) {
        this.replays = replays;
        this.publications = publications;
    }

    /**
     * {@code POST /replays} with {@code {"partnerId"} or {"scope": "defaults" | "category:<name>"}, "from", "to",
     * "draft": {"policy": {…}, "sla": {…}}}}.
     */
    public Reply start(ApiRequest request) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(request.body());
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("body", "is a JSON object");
        }
        var problems = new ArrayList<FieldProblem>();
        PartnerId partner = null;
        String scope = body.path("scope").asText("");
        if (body.hasNonNull("partnerId")) {
            String id = body.path("partnerId").asText();
            if (!PartnerId.isValid(id)) {
                problems.add(new FieldProblem("partnerId", "is a partner's id"));
            } else {
                partner = PartnerId.of(id);
                if (!scope.isEmpty() && !scope.equals("partner")) {
                    problems.add(new FieldProblem("scope", "is not given with partnerId"));
                }
                scope = "partner";
            }
        }
        Instant from = instant(body, "from", problems);
        Instant to = instant(body, "to", problems);
        JsonNode draft = body.path("draft");
        if (draft.hasNonNull("templates") && !draft.path("templates").isEmpty()) {
            problems.add(new FieldProblem(
                    "draft.templates",
                    "replaying mail template drafts is not available: replay policy, SLA and mapping drafts"));
        }
        PartnerMapping mapping = null;
        if (draft.hasNonNull("mappings") && !draft.path("mappings").isEmpty()) {
            if (partner == null) {
                problems.add(new FieldProblem("draft.mappings", "a mapping draft is a partner's: name partnerId"));
            } else {
                Parsed<PartnerMapping> parsed = publications.checkMapping(
                        partner, draft.path("mappings").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (parsed instanceof Parsed.Invalid<PartnerMapping> invalid) {
                    invalid.problems()
                            .forEach(
                                    p -> problems.add(new FieldProblem("draft.mappings." + p.location(), p.message())));
                } else {
                    mapping = ((Parsed.Valid<PartnerMapping>) parsed).value();
                }
            }
        }
        Map<String, String> policy = texts(draft.path("policy"), "draft.policy", problems);
        Map<String, String> sla = texts(draft.path("sla"), "draft.sla", problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the replay request is not valid", problems);
        }
        Replays.Started started = replays.start(
                new Replays.Request(scope, partner, from, to, policy, sla, mapping),
                request.caller().actor());
        if (started instanceof Replays.Started.Refused refused) {
            throw ApiProblem.badRequest("the replay request is not valid", refused.problems());
        }
        var running = (Replays.Started.Running) started;
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", running.id().toString());
        answer.put("status", "RUNNING");
        answer.put("documents", running.documents());
        return Reply.accepted(answer).withHeader("Location", "/api/v1/replays/" + running.id());
    }

    public Reply get(ApiRequest request) {
        return Reply.ok(view(run(request), true));
    }

    public Reply list(ApiRequest request) {
        return Reply.ok(Map.of(
                "items", replays.recent(50).stream().map(r -> view(r, false)).toList()));
    }

    public Reply cancel(ApiRequest request) {
        ReplayRun run = run(request);
        if (!replays.cancel(run.id(), request.caller().actor())) {
            throw ApiProblem.conflict("replay " + run.id() + " is " + run.status() + ", not running", List.of());
        }
        return Reply.ok(view(replays.find(run.id()).orElseThrow(), false));
    }

    private ReplayRun run(ApiRequest request) {
        String id = request.pathParam("id");
        try {
            return replays.find(UUID.fromString(id)).orElseThrow(() -> ApiProblem.notFound("replay " + id));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("replay " + id);
        }
    }

    /** A replay as the API shows it: where it stands, and once done its totals and (whole) its report. */
    static Map<String, Object> view(ReplayRun run, boolean whole) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", run.id().toString());
        view.put("status", run.status());
        view.put("scope", run.scope());
        view.put("partnerId", run.partner() == null ? null : run.partner().value());
        view.put("from", run.from());
        view.put("to", run.to());
        view.put("requestedBy", run.requestedBy());
        view.put("draft", read(run.draft()));
        view.put("documents", run.documents());
        view.put("progress", run.documents() == 0 ? 1.0 : Math.min(1.0, (double) run.processed() / run.documents()));
        view.put("createdAt", run.createdAt());
        view.put("finishedAt", run.finishedAt());
        view.put("error", run.error());
        Map<String, Object> report = read(run.report());
        if (report != null) {
            for (String total : List.of(
                    "eventsChanged",
                    "answersChanged",
                    "autonomyBefore",
                    "autonomyAfter",
                    "money",
                    "sla",
                    "decisionsFlippedCount")) {
                view.put(total, report.get(total));
            }
            view.put("decisionsFlipped", whole ? report.get("decisionsFlipped") : null);
            if (whole) {
                view.put("report", report);
            }
        }
        return view;
    }

    private static Map<String, Object> read(String json) {
        try {
            return json == null ? null : Json.mapper().readValue(json, MAP);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant instant(JsonNode body, String field, List<FieldProblem> problems) {
        try {
            return Instant.parse(body.path(field).asText());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "is an instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    private static Map<String, String> texts(JsonNode node, String field, List<FieldProblem> problems) {
        var values = new LinkedHashMap<String, String>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem(field, "is an object of limit names to values"));
            return values;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            } else {
                problems.add(new FieldProblem(field + "." + e.getKey(), "is a text, number or boolean"));
            }
        });
        return values;
    }
}
