package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.json.Json;
import io.seamline.model.as2.PartnerCertificate;
import io.seamline.model.partner.PartnerId;
import io.seamline.routes.as2.As2Certificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code /partners/{id}/certificates}: a partner's AS2 certificates. Admins add (PEM, or JSON {@code {"pem": …}}) and
 * remove them; a partner reads its own. A new certificate is accepted beside the old one, so a rollover needs no
 * cut-over.
 */
@Component
class CertificatesApi {

    private final As2Certificates certificates;
    private final PartnerDirectory partners;

    public CertificatesApi(As2Certificates certificates, PartnerDirectory partners) {
        this.certificates = certificates;
        this.partners = partners;
    }

    public Reply list(ApiRequest request) {
        PartnerId partner = visiblePartner(request);
        return Reply.ok(Map.of(
                "items",
                certificates.of(partner).stream().map(CertificatesApi::view).toList()));
    }

    public Reply add(ApiRequest request) {
        PartnerId partner = visiblePartner(request);
        byte[] body = request.body();
        String text = new String(body, StandardCharsets.US_ASCII).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode pem = Json.mapper().readTree(body).path("pem");
                if (!pem.isTextual()) {
                    throw ApiProblem.badRequest("pem", "is required: the certificate as PEM text");
                }
                body = pem.asText().getBytes(StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw ApiProblem.badRequest("body", "malformed JSON");
            }
        }
        As2Certificates.Added added =
                certificates.add(partner, body, request.caller().actor());
        if (added instanceof As2Certificates.Added.Refused refused) {
            throw ApiProblem.badRequest("pem", refused.reason());
        }
        var certificate = (As2Certificates.Added.Certificate) added;
        return certificate.isNew()
                ? Reply.created(
                        view(certificate.certificate()),
                        "/api/v1/partners/" + partner + "/certificates/"
                                + certificate.certificate().id())
                : Reply.ok(view(certificate.certificate()));
    }

    public Reply remove(ApiRequest request) {
        PartnerId partner = visiblePartner(request);
        UUID id;
        try {
            id = UUID.fromString(request.pathParam("certificateId"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("certificate " + request.pathParam("certificateId"));
        }
        if (!certificates.remove(partner, id, request.caller().actor())) {
            throw ApiProblem.notFound("certificate " + id);
        }
        return Reply.ok(Map.of("id", id.toString(), "removed", true));
    }

    private PartnerId visiblePartner(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id)
                || partners.find(PartnerId.of(id), request.caller().scope()).isEmpty()) {
            throw ApiProblem.notFound("partner " + id);
        }
        return PartnerId.of(id);
    }

    private static Map<String, Object> view(PartnerCertificate certificate) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", certificate.id().toString());
        view.put("subject", certificate.subject());
        view.put("fingerprint", certificate.fingerprint());
        view.put("notBefore", certificate.notBefore());
        view.put("notAfter", certificate.notAfter());
        view.put("addedAt", certificate.addedAt());
        view.put("pem", certificate.pem());
        return view;
    }
}
