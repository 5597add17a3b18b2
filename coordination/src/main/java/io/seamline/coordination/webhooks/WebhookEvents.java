package io.seamline.coordination.webhooks;

import io.seamline.adapters.persistence.Webhooks;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.webhook.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Events about a partner's own objects, queued for its subscriptions in the transaction of the fact (so an event
 * exists exactly when its fact does): {@code document.sent} when we send it something, {@code message.processed},
 * {@code message.rejected} and {@code message.duplicate} when one of its messages ends.
 */
@Service
public class WebhookEvents {

    public static final String DOCUMENT_SENT = "document.sent";
    public static final String MESSAGE_PROCESSED = "message.processed";
    public static final String MESSAGE_REJECTED = "message.rejected";
    public static final String MESSAGE_DUPLICATE = "message.duplicate";

    /** The event types a subscription may name ({@code *} for all). */
    public static final java.util.List<String> TYPES =
            java.util.List.of("*", DOCUMENT_SENT, MESSAGE_PROCESSED, MESSAGE_REJECTED, MESSAGE_DUPLICATE);

    private final Webhooks webhooks;
    private final Clock clock;
    private final OpsEvents ops;

    public WebhookEvents(Webhooks webhooks, Clock clock, OpsEvents ops) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.ops = ops;
    }

    /** We sent the partner a document (an acknowledgement, an answer, an order). */
    public void sent(ArchivedMessage message, String subject, String summary) {
        var data = new LinkedHashMap<String, Object>();
        data.put("messageId", message.id().toString());
        data.put("documentType", message.documentType());
        data.put("channel", message.channel().name());
        data.put("subject", subject);
        data.put("summary", summary);
        publish(message.partnerId(), DOCUMENT_SENT, "sent:" + message.id(), data);
    }

    /** One of the partner's messages ended. */
    public void ended(ArchivedMessage message, MessageStatus status, String reason, boolean test) {
        if (!test && (status == MessageStatus.REJECTED || status == MessageStatus.QUARANTINED)) {
            var about = new LinkedHashMap<String, Object>();
            about.put("messageId", message.id().toString());
            about.put(
                    "partnerId",
                    message.partnerId() == null ? null : message.partnerId().value());
            about.put("channel", message.channel().name());
            about.put("interchangeControl", message.controlNumbers().interchange());
            about.put("reason", reason);
            ops.publish(
                    status == MessageStatus.REJECTED ? OpsEvents.MESSAGE_REJECTED : OpsEvents.MESSAGE_QUARANTINED,
                    message.channel().name(),
                    "ops:" + status + ":" + message.id(),
                    "message " + message.id() + " from "
                            + (message.partnerId() == null ? "an unknown sender" : message.partnerId()) + " "
                            + status.name().toLowerCase() + ": " + reason,
                    about);
        }
        String type =
                switch (status) {
                    case PROCESSED -> MESSAGE_PROCESSED;
                    case REJECTED -> MESSAGE_REJECTED;
                    case DUPLICATE -> MESSAGE_DUPLICATE;
                    default -> null;
                };
        if (type == null) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("messageId", message.id().toString());
        data.put("documentType", message.documentType());
        data.put("interchangeControl", message.controlNumbers().interchange());
        data.put("status", status.name());
        data.put("reason", reason);
        if (test) {
            // the partner's own systems learn the result of its test; nothing of production changed
            data.put("test", true);
        }
        publish(message.partnerId(), type, type + ":" + message.id(), data);
    }

    private void publish(PartnerId partner, String type, String eventId, Map<String, Object> data) {
        if (partner == null) {
            return;
        }
        for (WebhookSubscription subscription : webhooks.subscriptions(partner)) {
            if (subscription.wants(type)) {
                var event = new LinkedHashMap<String, Object>();
                event.put("id", eventId);
                event.put("type", type);
                event.put("at", clock.instant().toString());
                event.put("partnerId", partner.value());
                event.put("data", data);
                webhooks.enqueue(
                        subscription.id(),
                        eventId,
                        type,
                        Json.write(event).getBytes(StandardCharsets.UTF_8),
                        clock.instant());
            }
        }
    }
}
