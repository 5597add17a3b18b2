package io.seamline.coordination.webhooks;

import io.seamline.adapters.persistence.Webhooks;
import io.seamline.mappings.json.Json;
import io.seamline.model.webhook.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Operational events for the people who run Seamline, queued for the internal subscriptions in the transaction of the
 * fact and delivered like partner webhooks (signed, retried, dead-lettered): a task opened (also by kind:
 * {@code ops.task.opened:DELIVERY_FAILED}), an SLA breach, a certificate expiring, a message rejected or quarantined,
 * a retention run that removed something. A subscription in Slack format gets {@code {"text": …}}.
 */
@Service
public class OpsEvents {

    public static final String TASK_OPENED = "ops.task.opened";
    public static final String SLA_BREACHED = "ops.sla.breached";
    public static final String CERTIFICATE_EXPIRING = "ops.certificate.expiring";
    public static final String MESSAGE_REJECTED = "ops.message.rejected";
    public static final String MESSAGE_QUARANTINED = "ops.message.quarantined";
    public static final String RETENTION_FINISHED = "ops.retention.finished";

    /** The types an internal subscription may name ({@code *} for all; a task's kind after a colon). */
    public static final List<String> TYPES = List.of(
            "*",
            TASK_OPENED,
            SLA_BREACHED,
            CERTIFICATE_EXPIRING,
            MESSAGE_REJECTED,
            MESSAGE_QUARANTINED,
            RETENTION_FINISHED);

    private final Webhooks webhooks;
    private final Clock clock;

    public OpsEvents(Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public static boolean known(String type) {
        return TYPES.contains(type) || type.startsWith(TASK_OPENED + ":") && type.length() > TASK_OPENED.length() + 1;
    }

    /**
     * Queues the event for every internal subscription that wants {@code type} (or {@code type:qualifier}), once per
     * subscription and {@code eventId}.
     */
    public void publish(String type, String qualifier, String eventId, String summary, Map<String, Object> data) {
        List<WebhookSubscription> subscriptions = webhooks.internal();
        if (subscriptions.isEmpty()) {
            return;
        }
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.wants(type) && (qualifier == null || !subscription.wants(type + ":" + qualifier))) {
                continue;
            }
            Object body;
            if (subscription.format() == WebhookSubscription.Format.SLACK) {
                body = Map.of("text", "[Seamline] " + summary);
            } else {
                var event = new LinkedHashMap<String, Object>();
                event.put("id", eventId);
                event.put("type", type);
                event.put("at", clock.instant().toString());
                event.put("summary", summary);
                event.put("data", data);
                body = event;
            }
            webhooks.enqueue(
                    subscription.id(),
                    eventId,
                    type,
                    Json.write(body).getBytes(StandardCharsets.UTF_8),
                    clock.instant());
        }
    }
}
