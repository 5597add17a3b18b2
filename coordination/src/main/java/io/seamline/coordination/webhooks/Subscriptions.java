package io.seamline.coordination.webhooks;

import io.seamline.adapters.delivery.TargetGuard;
import io.seamline.adapters.persistence.Webhooks;
import io.seamline.coordination.audit.Audit;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.webhook.WebhookDelivery;
import io.seamline.model.webhook.WebhookSubscription;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Partners subscribe to webhooks, see their own subscriptions and deliveries; ops replay dead deliveries. */
@Service
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final TargetGuard guard;
    private final Clock clock;

    private final Audit audit;

    public Subscriptions(Webhooks webhooks, TargetGuard guard, Audit audit, Clock clock) {
        this.audit = audit;
        this.webhooks = webhooks;
        this.guard = guard;
        this.clock = clock;
    }

    /** The outcome of subscribing. */
    public sealed interface Subscribed {
        /** The secret is in the subscription: shown this once. */
        record Created(WebhookSubscription subscription) implements Subscribed {}

        record Refused(String field, String reason) implements Subscribed {}
    }

    public Subscribed subscribe(PartnerId partner, String url, List<String> eventTypes, String actor) {
        return create(
                partner,
                url,
                eventTypes,
                WebhookEvents.TYPES::contains,
                WebhookEvents.TYPES.toString(),
                WebhookSubscription.Format.SEAMLINE,
                actor);
    }

    /**
     * An internal subscription to operational events ({@link OpsEvents#TYPES}, a task's kind after
     * {@code ops.task.opened:}), checked by the same target guard as partners' webhooks.
     */
    public Subscribed subscribeInternal(
            String url, List<String> eventTypes, WebhookSubscription.Format format, String actor) {
        return create(
                null, url, eventTypes, OpsEvents::known, OpsEvents.TYPES + " (ops.task.opened:<kind>)", format, actor);
    }

    /** A subscription of a partner (or, without one, an internal one): the target guarded, the types known. */
    private Subscribed create(
            PartnerId partner,
            String url,
            List<String> eventTypes,
            java.util.function.Predicate<String> known,
            String knownTypes,
            WebhookSubscription.Format format,
            String actor) {
        if (url == null || url.isBlank()) {
            return new Subscribed.Refused("url", "is required");
        }
        Optional<String> refused = guard.refusal(url.trim());
        if (refused.isPresent()) {
            return new Subscribed.Refused("url", refused.get());
        }
        List<String> types = eventTypes == null || eventTypes.isEmpty() ? List.of("*") : eventTypes;
        for (String type : types) {
            if (type == null || !known.test(type)) {
                return new Subscribed.Refused("eventTypes", "unknown event type " + type + "; known: " + knownTypes);
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        var subscription = new WebhookSubscription(
                UUID.randomUUID(),
                partner,
                url.trim(),
                types,
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                true,
                clock.instant(),
                format);
        webhooks.subscribe(subscription);
        var after = new java.util.LinkedHashMap<String, Object>();
        after.put("url", subscription.url());
        after.put("eventTypes", subscription.eventTypes());
        if (subscription.internal()) {
            after.put("format", format.name());
        }
        audit.record(actor, AuditKind.WEBHOOK_SUBSCRIBED, partner, "webhook/" + subscription.id(), null, after, null);
        return new Subscribed.Created(subscription);
    }

    /** The internal subscriptions to operational events. */
    public List<WebhookSubscription> internal() {
        return webhooks.internal();
    }

    public List<WebhookSubscription> list(PartnerScope scope) {
        return webhooks.subscriptions(scope.restrictedTo().orElse(null));
    }

    public Optional<WebhookSubscription> find(UUID id, PartnerScope scope) {
        return webhooks.subscription(id).filter(s -> s.active() && scope.sees(s.partnerId()));
    }

    public boolean unsubscribe(UUID id, PartnerScope scope, String actor) {
        Optional<WebhookSubscription> subscription = find(id, scope);
        if (subscription.isEmpty() || !webhooks.unsubscribe(id)) {
            return false;
        }
        audit.record(
                actor,
                AuditKind.WEBHOOK_UNSUBSCRIBED,
                subscription.get().partnerId(),
                "webhook/" + id,
                Map.of(
                        "url",
                        subscription.get().url(),
                        "eventTypes",
                        subscription.get().eventTypes()),
                null,
                null);
        return true;
    }

    public List<WebhookDelivery> deliveries(UUID id, PartnerScope scope) {
        return find(id, scope).map(s -> webhooks.deliveries(s.id(), null, 100)).orElse(List.of());
    }

    /** Deliveries that gave up, newest first: for ops. */
    public List<WebhookDelivery> dead(int limit) {
        return webhooks.deliveries(null, WebhookDelivery.Status.DEAD, limit);
    }

    public boolean replay(UUID delivery) {
        return webhooks.replay(delivery, clock.instant());
    }
}
