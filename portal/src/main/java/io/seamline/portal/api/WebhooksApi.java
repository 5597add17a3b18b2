package io.seamline.portal.api;

import io.seamline.coordination.webhooks.Subscriptions;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.JsonDocuments;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.webhook.WebhookDelivery;
import io.seamline.model.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Webhook subscriptions (a partner's own), their deliveries, and for ops the dead ones and their replay. */
@Component
class WebhooksApi {

    private final Subscriptions subscriptions;

    public WebhooksApi(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionDocument(String url, List<String> eventTypes, String partnerId) {}

    public Reply subscribe(ApiRequest request) {
        Parsed<SubscriptionDocument> parsed = JsonDocuments.one(request.body(), SubscriptionDocument.class);
        if (parsed instanceof Parsed.Invalid<SubscriptionDocument> invalid) {
            throw ApiProblem.badRequest("the subscription is not valid", invalid.problems());
        }
        SubscriptionDocument document = ((Parsed.Valid<SubscriptionDocument>) parsed).value();
        PartnerId partner = request.caller().partnerId().orElseGet(() -> {
            if (document.partnerId() == null || !PartnerId.isValid(document.partnerId())) {
                throw ApiProblem.badRequest("partnerId", "is required for an internal caller");
            }
            return PartnerId.of(document.partnerId());
        });
        var outcome = subscriptions.subscribe(
                partner, document.url(), document.eventTypes(), request.caller().actor());
        if (outcome instanceof Subscriptions.Subscribed.Refused refused) {
            throw ApiProblem.badRequest(
                    "the webhook cannot be registered", List.of(new FieldProblem(refused.field(), refused.reason())));
        }
        WebhookSubscription created = ((Subscriptions.Subscribed.Created) outcome).subscription();
        var body = view(created);
        body.put("secret", created.secret());
        body.put("signature", "Seamline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>");
        return Reply.created(body, "/api/v1/webhooks/" + created.id());
    }

    record OpsSubscriptionDocument(String url, List<String> eventTypes, String format) {}

    /** {@code POST /ops/subscriptions}: an internal subscription to operational events. */
    public Reply opsSubscribe(ApiRequest request) {
        Parsed<OpsSubscriptionDocument> parsed = JsonDocuments.one(request.body(), OpsSubscriptionDocument.class);
        if (parsed instanceof Parsed.Invalid<OpsSubscriptionDocument> invalid) {
            throw ApiProblem.badRequest("the subscription is not valid", invalid.problems());
        }
        OpsSubscriptionDocument document = ((Parsed.Valid<OpsSubscriptionDocument>) parsed).value();
        WebhookSubscription.Format format;
        try {
            format = document.format() == null
                    ? WebhookSubscription.Format.SEAMLINE
                    : WebhookSubscription.Format.valueOf(document.format().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("format", "is seamline or slack");
        }
        var outcome = subscriptions.subscribeInternal(
                document.url(), document.eventTypes(), format, request.caller().actor());
        if (outcome instanceof Subscriptions.Subscribed.Refused refused) {
            throw ApiProblem.badRequest(
                    "the subscription cannot be registered",
                    List.of(new FieldProblem(refused.field(), refused.reason())));
        }
        WebhookSubscription created = ((Subscriptions.Subscribed.Created) outcome).subscription();
        var body = view(created);
        body.put("secret", created.secret());
        return Reply.created(body, "/api/v1/webhooks/" + created.id());
    }

    public Reply opsList(ApiRequest request) {
        return Reply.ok(Map.of(
                "items",
                subscriptions.internal().stream().map(WebhooksApi::view).toList(),
                "eventTypes",
                io.seamline.coordination.webhooks.OpsEvents.TYPES));
    }

    public Reply list(ApiRequest request) {
        return Reply.ok(Map.of(
                "items",
                subscriptions.list(request.caller().scope()).stream()
                        .map(WebhooksApi::view)
                        .toList()));
    }

    public Reply unsubscribe(ApiRequest request) {
        UUID id = id(request, "webhook");
        if (!subscriptions.unsubscribe(
                id, request.caller().scope(), request.caller().actor())) {
            throw ApiProblem.notFound("webhook " + id);
        }
        return new Reply(204, null, Reply.JSON, Map.of());
    }

    public Reply deliveries(ApiRequest request) {
        UUID id = id(request, "webhook");
        subscriptions.find(id, request.caller().scope()).orElseThrow(() -> ApiProblem.notFound("webhook " + id));
        return Reply.ok(Map.of(
                "items",
                subscriptions.deliveries(id, request.caller().scope()).stream()
                        .map(WebhooksApi::view)
                        .toList()));
    }

    public Reply dead(ApiRequest request) {
        return Reply.ok(Map.of(
                "items", subscriptions.dead(200).stream().map(WebhooksApi::view).toList()));
    }

    public Reply replay(ApiRequest request) {
        UUID id = id(request, "delivery");
        if (!subscriptions.replay(id)) {
            throw ApiProblem.notFound("dead delivery " + id);
        }
        return Reply.accepted(Map.of("deliveryId", id.toString(), "status", "PENDING"));
    }

    private static LinkedHashMap<String, Object> view(WebhookSubscription s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", s.id().toString());
        map.put("partnerId", s.internal() ? null : s.partnerId().value());
        map.put("internal", s.internal());
        map.put("url", s.url());
        map.put("eventTypes", s.eventTypes());
        map.put("format", s.format().name());
        map.put("createdAt", s.createdAt());
        return map;
    }

    private static Map<String, Object> view(WebhookDelivery d) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", d.id().toString());
        map.put("webhookId", d.subscriptionId().toString());
        map.put("eventId", d.eventId());
        map.put("eventType", d.eventType());
        map.put("status", d.status().name());
        map.put("attempts", d.attempts());
        map.put("lastError", d.lastError());
        map.put("createdAt", d.createdAt());
        map.put("deliveredAt", d.deliveredAt());
        Instant next = d.nextAttemptAt();
        map.put("nextAttemptAt", next);
        return map;
    }

    private static UUID id(ApiRequest request, String what) {
        String id = request.pathParam("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what + " " + id);
        }
    }
}
