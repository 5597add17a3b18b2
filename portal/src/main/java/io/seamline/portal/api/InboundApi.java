package io.seamline.portal.api;

import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.einvoice.EInvoices;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
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
 * commitments}), ship notices, shipment status and invoices as canonical JSON validated against the published JSON
 * Schemas, and an operator's {@code POST /messages/{id}/reprocess}. What is archived is answered 202 with its
 * message id; what is refused names the reason, and the message id when the bytes were archived.
 */
@Component
class InboundApi {

    private final Intake intake;
    private final Reprocessing reprocessing;
    private final Submissions submissions;
    private final PartnerDirectory partners;

    public InboundApi(Intake intake, Reprocessing reprocessing, Submissions submissions, PartnerDirectory partners) {
        this.intake = intake;
        this.reprocessing = reprocessing;
        this.submissions = submissions;
        this.partners = partners;
    }

    /** A ship notice as canonical JSON ({@code POST /shipments/notices}); the same event as an 856. */
    public Reply shipNotice(ApiRequest request) {
        return reply(
                request,
                submissions(request)
                        .document(Channel.API, ApiDocuments.SHIPMENT_NOTICE, request.body(), sender(request)));
    }

    /** A carrier's status for one of its shipments ({@code POST /shipments/{id}/status}); the same event as a 214. */
    public Reply shipmentStatus(ApiRequest request) {
        return reply(
                request,
                submissions(request)
                        .shipmentStatus(Channel.API, request.body(), request.pathParam("id"), request.caller()));
    }

    /**
     * A goods or freight invoice ({@code POST /invoices}): canonical JSON, or an EU e-invoice sent as
     * {@code application/xml} (UBL 2.1, CII) or {@code application/pdf} (ZUGFeRD / Factur-X); the same event as an
     * 810 or 210, with the same answers.
     */
    public Reply invoice(ApiRequest request) {
        // an e-invoice is known by its content too (a PDF posted as application/octet-stream, XML without a type)
        if (request.sentAs("application/xml", "text/xml", "application/pdf")
                || EInvoices.detect(request.body()).isPresent()) {
            return reply(request, submissions(request).einvoice(Channel.API, request.body(), sender(request)));
        }
        return reply(
                request,
                submissions(request).document(Channel.API, ApiDocuments.INVOICE, request.body(), sender(request)));
    }

    /** The partner a document is from: the caller's own, or for internal callers {@code ?partnerId=}. */
    private PartnerId sender(ApiRequest request) {
        if (request.caller().partnerId().isPresent()) {
            return request.caller().partnerId().get();
        }
        PartnerId partner = Queries.partnerId(request, "partnerId");
        if (partner == null || !partners.exists(partner)) {
            throw ApiProblem.badRequest("partnerId", "an internal caller names the partner the document is from");
        }
        return partner;
    }

    public Reply edi(ApiRequest request) {
        Received received = intake.testing(request.test())
                .edi(request.body(), "http", null, request.caller().scope(), null, null);
        return reply(request, received);
    }

    public Reply commitment(ApiRequest request) {
        return reply(
                request,
                submissions(request)
                        .commitment(Channel.API, request.body(), request.pathParam("po"), request.caller()));
    }

    /** A supplier's acknowledgement of one of its POs ({@code POST /purchase-orders/{po}/acknowledgement}). */
    public Reply acknowledgement(ApiRequest request) {
        return reply(
                request,
                submissions(request)
                        .acknowledgement(Channel.API, request.body(), request.pathParam("po"), request.caller()));
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
                    "message " + id + " is outbound, already waiting to be processed, or its bytes were removed",
                    List.of());
        };
    }

    /** The submissions of this call: tests when it carries the test marker or its credentials are for testing. */
    private Submissions submissions(ApiRequest request) {
        return submissions.testing(request.test());
    }

    static Reply reply(ApiRequest request, Received received) {
        if (received instanceof Received.Accepted accepted) {
            var body = new LinkedHashMap<String, Object>();
            body.put("messageId", accepted.messageId().toString());
            body.put("status", "RECEIVED");
            if (request.test()) {
                body.put("test", true);
                body.put(
                        "note",
                        "a test: it runs the real checks and changes nothing of production; GET /api/v1/messages/"
                                + accepted.messageId() + " says what it would have done");
            }
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
            // "status" is the HTTP status of the problem (RFC 9457); what became of the archived message is its own
            // field
            problem.with("messageId", refused.messageId().toString()).with("messageStatus", "REJECTED");
        }
        throw problem;
    }
}
