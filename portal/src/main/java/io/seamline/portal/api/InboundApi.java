package io.seamline.portal.api;

import io.seamline.model.message.MessageId;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import io.seamline.routes.pipeline.Reprocessing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Partner messages in: raw EDI ({@code POST /edi}), a commitment as JSON ({@code POST /purchase-orders/{po}/
 * commitments}), and an operator's {@code POST /messages/{id}/reprocess}. What is archived is answered 202 with its
 * message id; what is refused names the reason, and the message id when the bytes were archived.
 */
@Component
public class InboundApi {

    private final Intake intake;
    private final Reprocessing reprocessing;

    public InboundApi(Intake intake, Reprocessing reprocessing) {
        this.intake = intake;
        this.reprocessing = reprocessing;
    }

    public Reply edi(ApiRequest request) {
        Received received =
                intake.edi(request.body(), "http", null, request.caller().scope(), null, null);
        return reply(received);
    }

    public Reply commitment(ApiRequest request) {
        String po = request.pathParam("po");
        Received received = intake.commitment(
                request.body(),
                po,
                request.caller().partnerId().orElse(null),
                request.caller().scope());
        return reply(received);
    }

    public Reply reprocess(ApiRequest request) {
        String id = request.pathParam("id");
        MessageId messageId;
        try {
            messageId = new MessageId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("message " + id);
        }
        return switch (reprocessing.reprocess(messageId, request.caller().actor())) {
            case QUEUED -> Reply.accepted(Map.of("messageId", id, "status", "RECEIVED"));
            case NOT_FOUND -> throw ApiProblem.notFound("message " + id);
            case NOT_REPROCESSABLE -> throw ApiProblem.conflict(
                    "message " + id + " is outbound or already waiting to be processed", List.of());
        };
    }

    private static Reply reply(Received received) {
        if (received instanceof Received.Accepted accepted) {
            var body = new LinkedHashMap<String, Object>();
            body.put("messageId", accepted.messageId().toString());
            body.put("status", "RECEIVED");
            return Reply.accepted(body);
        }
        var refused = (Received.Refused) received;
        ApiProblem problem =
                switch (refused.reason()) {
                    case NOT_EDI -> ApiProblem.badRequest(refused.detail(), List.of());
                    case INVALID -> ApiProblem.badRequest(refused.detail(), refused.problems());
                    case UNKNOWN_SENDER -> new ApiProblem(422, "Unprocessable Content", refused.detail(), List.of());
                    case NOT_YOURS -> ApiProblem.forbidden(refused.detail());
                    case NOT_FOUND -> ApiProblem.notFound(refused.detail());
                    case TOO_LARGE -> new ApiProblem(413, "Content Too Large", refused.detail(), List.of());
                };
        if (refused.messageId() != null) {
            problem.with("messageId", refused.messageId().toString()).with("status", "REJECTED");
        }
        throw problem;
    }
}
