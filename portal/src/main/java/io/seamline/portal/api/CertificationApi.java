package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.lifecycle.Certification;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /partners/{id}/certification}: a partner's certification board (document types × scenarios, the last result,
 * since when; a partner reads its own), and ops' decisions moving a document type to another state.
 */
@Component
class CertificationApi {

    private static final String DOCUMENT_TYPE = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,39}";

    private final PartnerDirectory partners;
    private final Certification certification;
    private final Lifecycle lifecycle;
    private final TransactionTemplate transactions;

    public CertificationApi(
            PartnerDirectory partners,
            Certification certification,
            Lifecycle lifecycle,
            TransactionTemplate transactions) {
        this.partners = partners;
        this.certification = certification;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    public Reply board(ApiRequest request) {
        Partner partner = visiblePartner(request);
        return Reply.ok(view(transactions.execute(tx -> certification.board(partner))));
    }

    /** {@code POST …/certification/{direction}/{documentType}/state}: {@code {"state", "reason", "override"}}. */
    public Reply change(ApiRequest request) {
        Partner partner = visiblePartner(request);
        Direction direction = direction(request.pathParam("direction"));
        String documentType = request.pathParam("documentType");
        if (documentType == null || !documentType.matches(DOCUMENT_TYPE)) {
            throw ApiProblem.badRequest("documentType", "is a document type such as 855, ORDRSP or po.acknowledged");
        }
        JsonNode body = body(request);
        LifecycleState state = state(body.path("state"));
        JsonNode override = body.path("override");
        if (!override.isMissingNode() && !override.isBoolean()) {
            throw ApiProblem.badRequest("override", "is true or false");
        }
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        Lifecycle.Change change = transactions.execute(tx -> lifecycle.change(
                partner,
                direction,
                documentType,
                state,
                reason,
                override.asBoolean(false),
                request.caller().actor()));
        if (change instanceof Lifecycle.Change.ReasonMissing) {
            throw ApiProblem.badRequest("reason", "is required: a change of state is a decision, say why");
        }
        if (change instanceof Lifecycle.Change.Incomplete incomplete) {
            throw ApiProblem.conflict(
                    Lifecycle.describe(direction, documentType) + " of " + partner.id()
                            + " cannot go LIVE: its checklist is not complete (send \"override\": true with a reason"
                            + " to go LIVE anyway)",
                    incomplete.open().stream()
                            .map(open -> new FieldProblem("scenarios", open + " has not passed"))
                            .toList());
        }
        return Reply.ok(transactions.execute(tx -> view(certification.board(partner)).documents().stream()
                .filter(d -> d.get("direction").equals(direction.name())
                        && d.get("documentType").equals(documentType))
                .findFirst()
                .orElseThrow()));
    }

    /** A board as the API shows it. */
    record BoardView(String partnerId, String state, String notLive, List<Map<String, Object>> documents) {}

    static BoardView view(Certification.Board board) {
        var documents = board.documents().stream()
                .map(d -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("documentType", d.documentType());
                    row.put("direction", d.direction().name());
                    row.put("state", d.state().name());
                    row.put("reason", d.reason());
                    row.put("since", d.since());
                    row.put("complete", d.complete());
                    row.put(
                            "scenarios",
                            d.scenarios().stream()
                                    .map(s -> {
                                        var scenario = new LinkedHashMap<String, Object>();
                                        scenario.put("name", s.name());
                                        scenario.put("passed", s.passed());
                                        scenario.put("messageId", text(s.messageId()));
                                        scenario.put("at", s.at());
                                        scenario.put("lastMessageId", text(s.lastMessageId()));
                                        scenario.put("lastAt", s.lastAt());
                                        scenario.put("lastDetail", s.lastDetail());
                                        return (Object) scenario;
                                    })
                                    .toList());
                    return (Map<String, Object>) row;
                })
                .toList();
        return new BoardView(
                board.partnerId().value(), board.state().name(), board.notLive().name(), documents);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Partner visiblePartner(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id)) {
            throw ApiProblem.notFound("partner " + id);
        }
        return partners.find(PartnerId.of(id), request.caller().scope())
                .orElseThrow(() -> ApiProblem.notFound("partner " + id));
    }

    private static Direction direction(String value) {
        try {
            return Direction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest("direction", "is inbound or outbound");
        }
    }

    private static LifecycleState state(JsonNode value) {
        try {
            return LifecycleState.valueOf(value.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("state", "is one of " + List.of(LifecycleState.values()));
        }
    }

    private static JsonNode body(ApiRequest request) {
        try {
            JsonNode body = Json.mapper().readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ApiProblem.badRequest("body", "is a JSON object: {\"state\", \"reason\", \"override\"}");
            }
            return body;
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON");
        }
    }
}
