package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.retention.Erasures;
import io.seamline.coordination.retention.Holds;
import io.seamline.coordination.retention.Retention;
import io.seamline.mappings.FieldProblem;
import io.seamline.model.retention.LegalHold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code /admin}: the data lifecycle (ADMIN only, every change audited): the retention rules in force and runs (a dry
 * run says what would go, per class), legal holds, erasures of a person's data.
 */
@Component
class AdminApi {

    private final Retention retention;
    private final Holds holds;
    private final Erasures erasures;

    public AdminApi(Retention retention, Holds holds, Erasures erasures) {
        this.retention = retention;
        this.holds = holds;
        this.erasures = erasures;
    }

    /** {@code GET /admin/retention}. */
    public Reply rules(ApiRequest request) {
        var rules = retention.rules().stream()
                .map(rule -> {
                    var view = new LinkedHashMap<String, Object>();
                    view.put("class", rule.kind().key());
                    view.put("what", rule.kind().description());
                    view.put("keep", rule.keep().toString());
                    view.put("keepDays", rule.keep().toDays());
                    var partners = new LinkedHashMap<String, Object>();
                    rule.partners().forEach((partner, keep) -> partners.put(partner, keep.toString()));
                    view.put("partners", partners);
                    return view;
                })
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("rules", rules);
        body.put(
                "kept",
                List.of(Map.of(
                        "class",
                        "audit",
                        "what",
                        "the audit trail",
                        "keep",
                        "always (append-only; erasure redacts data in it)")));
        body.put("scheduled", retention.settings().scheduled());
        body.put("every", retention.settings().every().toString());
        body.put("batch", retention.settings().batch());
        body.put("holdsInForce", holds.inForce().size());
        return Reply.ok(body);
    }

    /** {@code POST /admin/retention/runs} with {@code {"dryRun": true|false}}. */
    public Reply run(ApiRequest request) {
        JsonNode body = request.jsonObject(Set.of("dryRun"));
        if (!body.path("dryRun").isBoolean()) {
            throw ApiProblem.badRequest("dryRun", "is true (say what would go) or false (remove it now)");
        }
        Retention.Outcome outcome = body.path("dryRun").asBoolean()
                ? retention.dryRun()
                : retention.run(request.caller().actor());
        var view = new LinkedHashMap<String, Object>();
        view.put("dryRun", outcome.dryRun());
        view.put(outcome.dryRun() ? "wouldRemove" : "removed", outcome.removed());
        if (!outcome.dryRun()) {
            view.put("blobsDeleted", outcome.blobsDeleted());
            view.put("partitionsDropped", outcome.partitionsDropped());
            view.put("anotherNodeHadTheTurn", outcome.busy());
        }
        return Reply.ok(view);
    }

    /** {@code GET /admin/holds}: the holds in force. */
    public Reply holds(ApiRequest request) {
        return Reply.ok(
                Map.of("items", holds.inForce().stream().map(AdminApi::view).toList()));
    }

    /** {@code POST /admin/holds} with {@code {"subject": "po/…", "reason"}}. */
    public Reply hold(ApiRequest request) {
        JsonNode body = request.jsonObject(Set.of("subject", "reason"));
        var problems = new ArrayList<FieldProblem>();
        String subject = body.path("subject").isTextual() ? body.path("subject").asText() : null;
        String wrong = LegalHold.subjectProblem(subject);
        if (wrong != null) {
            problems.add(new FieldProblem("subject", wrong));
        }
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "says why the hold is set"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the hold is not valid", problems);
        }
        LegalHold hold = holds.set(subject, reason, request.caller().actor());
        Map<String, Object> view = view(hold);
        view.put("subjectFound", holds.keepsSomethingUnder(subject));
        return Reply.created(view, "/api/v1/admin/holds/" + hold.id());
    }

    /** {@code DELETE /admin/holds/{id}?reason=…}. */
    public Reply lift(ApiRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("hold " + request.pathParam("id"));
        }
        // the reason as a query parameter, or as a body {"reason": …} (a DELETE with a body is allowed, if rare)
        String reason = request.queryParam("reason")
                .or(() -> request.body().length == 0
                        ? Optional.empty()
                        : Optional.of(request.jsonObject(Set.of("reason"))
                                .path("reason")
                                .asText("")))
                .map(String::strip)
                .orElse("");
        if (reason.isEmpty()) {
            throw ApiProblem.badRequest("reason", "says why the hold is lifted (?reason=… or {\"reason\": …})");
        }
        LegalHold lifted =
                holds.lift(id, reason, request.caller().actor()).orElseThrow(() -> ApiProblem.notFound("hold " + id));
        return Reply.ok(view(lifted));
    }

    /** {@code POST /admin/erasures} with {@code {"email" | "name", "reason", "dryRun"}}. */
    public Reply erase(ApiRequest request) {
        JsonNode body = request.jsonObject(Set.of("email", "name", "reason", "dryRun"));
        if (body.has("email") == body.has("name")) {
            throw ApiProblem.badRequest("body", "names either email or name");
        }
        if (body.has("dryRun") && !body.path("dryRun").isBoolean()) {
            throw ApiProblem.badRequest("dryRun", "is true (say what would be erased) or false (erase it now)");
        }
        String field = body.has("email") ? "email" : "name";
        var erasure = new Erasures.Request(
                field,
                body.path(field).asText(""),
                body.path("reason").asText(""),
                !body.has("dryRun") || body.path("dryRun").asBoolean(true));
        String problem = Erasures.problem(erasure);
        if (problem != null) {
            int colon = problem.indexOf(':');
            throw ApiProblem.badRequest(
                    colon > 0 ? problem.substring(0, colon) : "body",
                    colon > 0 ? problem.substring(colon + 1).strip() : problem);
        }
        Erasures.Outcome outcome = erasures.erase(erasure, request.caller().actor());
        var view = new LinkedHashMap<String, Object>();
        if (!outcome.dryRun()) {
            view.put("id", outcome.id().toString());
        }
        view.put("dryRun", outcome.dryRun());
        view.put(outcome.field(), outcome.hint());
        view.put("messages", outcome.messages());
        view.put("keptByLegalHold", outcome.keptByHold());
        view.put("senderAddresses", outcome.senderAddresses());
        view.put("fields", outcome.fields());
        return Reply.ok(view);
    }

    private static Map<String, Object> view(LegalHold hold) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", hold.id().toString());
        view.put("subject", hold.subject());
        view.put("reason", hold.reason());
        view.put("setBy", hold.setBy());
        view.put("setAt", hold.setAt().toString());
        view.put("inForce", hold.inForce());
        if (!hold.inForce()) {
            view.put("liftedBy", hold.liftedBy());
            view.put("liftedAt", hold.liftedAt().toString());
            view.put("liftReason", hold.liftReason());
        }
        return view;
    }
}
