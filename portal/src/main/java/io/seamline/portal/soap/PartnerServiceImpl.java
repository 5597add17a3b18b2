package io.seamline.portal.soap;

import io.seamline.mappings.json.ApiDocuments;
import io.seamline.mappings.json.Json;
import io.seamline.model.Magnitude;
import io.seamline.model.message.Channel;
import io.seamline.model.partner.PartnerId;
import io.seamline.portal.api.Submissions;
import io.seamline.portal.security.Caller;
import io.seamline.portal.security.Callers;
import io.seamline.portal.security.Role;
import io.seamline.routes.pipeline.Received;
import jakarta.jws.WebService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SOAP service: each call becomes the canonical JSON document of its REST twin and goes through the same
 * submissions (and so the same schema, archive and pipeline); the caller is whoever Spring Security authenticated.
 */
@Component
@WebService(
        serviceName = "PartnerService",
        portName = "PartnerPort",
        targetNamespace = PartnerService.NAMESPACE,
        endpointInterface = "io.seamline.portal.soap.PartnerService")
public class PartnerServiceImpl implements PartnerService {

    private final Submissions submissions;

    public PartnerServiceImpl(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public Receipt reportCustomsStatus(CustomsStatus status) throws PartnerFault {
        Caller caller = caller();
        var json = new LinkedHashMap<String, Object>();
        json.put("entryNumber", status.entryNumber);
        if (status.shipmentId != null) {
            json.put("references", Map.of("shipmentId", status.shipmentId));
        }
        json.put("status", status.status);
        putIfPresent(json, "reason", status.reason);
        if (!status.documentRequested.isEmpty()) {
            json.put("documentsRequested", status.documentRequested);
        }
        partner(caller);
        boolean test = test(caller);
        return receipt(submissions.testing(test).customsStatus(Channel.API, bytes(json), caller), test);
    }

    @Override
    public Receipt reportShipmentStatus(ShipmentStatus status) throws PartnerFault {
        Caller caller = caller();
        var json = new LinkedHashMap<String, Object>();
        json.put("status", status.status);
        json.put("eventTime", status.eventTime);
        putIfPresent(json, "estimatedDelivery", status.estimatedDelivery);
        putIfPresent(json, "reasonCode", status.reasonCode);
        var location = new LinkedHashMap<String, Object>();
        putIfPresent(location, "city", status.city);
        putIfPresent(location, "region", status.region);
        putIfPresent(location, "country", status.country);
        if (!location.isEmpty()) {
            json.put("location", location);
        }
        boolean test = test(caller);
        return receipt(
                submissions
                        .testing(test)
                        .shipmentStatus(Channel.API, bytes(json), String.valueOf(status.shipmentId), caller),
                test);
    }

    @Override
    public Receipt submitFreightInvoice(FreightInvoice invoice) throws PartnerFault {
        Caller caller = caller();
        sane("total", invoice.total);
        for (int i = 0; i < invoice.charge.size(); i++) {
            sane("charge[" + i + "].amount", invoice.charge.get(i).amount);
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("invoiceNumber", invoice.invoiceNumber);
        json.put("kind", "FREIGHT");
        json.put("invoiceDate", invoice.invoiceDate);
        json.put("currency", invoice.currency);
        json.put("total", invoice.total);
        var references = new LinkedHashMap<String, Object>();
        putIfPresent(references, "shipmentId", invoice.shipmentId);
        putIfPresent(references, "bol", invoice.bol);
        if (!references.isEmpty()) {
            json.put("references", references);
        }
        json.put(
                "charges",
                invoice.charge.stream()
                        .map(c -> Map.of("code", String.valueOf(c.code), "amount", c.amount))
                        .toList());
        boolean test = test(caller);
        return receipt(
                submissions.testing(test).document(Channel.API, ApiDocuments.INVOICE, bytes(json), partner(caller)),
                test);
    }

    /**
     * A number XML may write but no amount of ours can be ({@code 1E+999999999}) is refused before it is turned into
     * anything; the size each field may have is checked with the document, against its schema.
     */
    private static void sane(String field, BigDecimal value) throws PartnerFault {
        if (!Magnitude.sane(value)) {
            throw fault(
                    "InvalidDocument",
                    "the document is not valid",
                    null,
                    List.of(field + ": is out of range: no amount is that large or that fine"));
        }
    }

    /**
     * The submissions of this call: tests when its credentials are for testing or it carries {@code Seamline-Test:
     * true} as an HTTP header (the same marker as the REST API's).
     */
    private static boolean test(Caller caller) throws PartnerFault {
        boolean test = caller.has(Role.TEST);
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            String marker = servlet.getRequest().getHeader("Seamline-Test");
            if (marker != null && !marker.isBlank()) {
                if (!marker.trim().equalsIgnoreCase("true") && !marker.trim().equalsIgnoreCase("false")) {
                    throw fault("InvalidDocument", "the Seamline-Test header is true or false", null, List.of());
                }
                test |= marker.trim().equalsIgnoreCase("true");
            }
        }
        return test;
    }

    private static Caller caller() throws PartnerFault {
        return Callers.current().orElseThrow(() -> fault("NotAllowed", "sign in first", null, List.of()));
    }

    /** SOAP documents come from partners only: the caller's own partner. */
    private static PartnerId partner(Caller caller) throws PartnerFault {
        return caller.partnerId()
                .orElseThrow(() -> fault(
                        "NotAllowed",
                        "SOAP documents are sent by partners; use the REST API with partnerId",
                        null,
                        List.of()));
    }

    private static Receipt receipt(Received received, boolean test) throws PartnerFault {
        if (received instanceof Received.Accepted accepted) {
            return new Receipt(accepted.messageId().toString(), "RECEIVED", test);
        }
        var refused = (Received.Refused) received;
        String code =
                switch (refused.reason()) {
                    case INVALID, NOT_EDI -> "InvalidDocument";
                    case NOT_FOUND -> "NotFound";
                    case TOO_LARGE -> "TooLarge";
                    case NOT_YOURS, UNKNOWN_SENDER -> "NotAllowed";
                };
        throw fault(
                code,
                refused.detail(),
                refused.messageId() == null ? null : refused.messageId().toString(),
                refused.problems().stream()
                        .map(p -> p.location() + ": " + p.message())
                        .toList());
    }

    private static PartnerFault fault(String code, String detail, String messageId, List<String> problems) {
        var info = new PartnerFault.Info();
        info.code = code;
        info.detail = detail;
        info.messageId = messageId;
        info.problem.addAll(problems);
        return new PartnerFault(code + ": " + detail, info);
    }

    private static byte[] bytes(Map<String, Object> json) {
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            map.put(key, value);
        }
    }
}
