package io.seamline.routes.webhooks;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.adapters.delivery.Drain;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.adapters.delivery.WebhookPost;
import io.seamline.adapters.persistence.Webhooks;
import io.seamline.model.webhook.WebhookDelivery;
import io.seamline.model.webhook.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, signed: {@code Seamline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the subscription's secret>}, with {@code Seamline-Event} and {@code Seamline-Delivery}. Failures
 * are retried on the outbox's schedule; after the last attempt (or a refused target) the delivery is DEAD.
 */
@Service
public class WebhookDeliveries {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final Webhooks webhooks;
    private final WebhookPost post;
    private final DeliverySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public WebhookDeliveries(
            Webhooks webhooks,
            WebhookPost post,
            DeliverySettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.webhooks = webhooks;
        this.post = post;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends batch after batch while each comes back full ({@link Drain}); returns how many were attempted. */
    public int sendAllDue() {
        return Drain.whileFull(settings.batch(), this::sendDue);
    }

    /** Sends one batch of due deliveries; returns how many were attempted. */
    private int sendDue() {
        Integer attempted = transactions.execute(tx -> {
            List<WebhookDelivery> due = webhooks.claimDue(clock.instant(), settings.batch());
            due.forEach(this::attempt);
            return due.size();
        });
        return attempted == null ? 0 : attempted;
    }

    private void attempt(WebhookDelivery delivery) {
        WebhookSubscription subscription =
                webhooks.subscription(delivery.subscriptionId()).orElseThrow();
        if (!subscription.active()) {
            webhooks.failed(delivery.id(), "the subscription was ended", null);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        var headers = new LinkedHashMap<String, String>();
        headers.put("Seamline-Event", delivery.eventType());
        headers.put("Seamline-Delivery", delivery.id().toString());
        headers.put("Seamline-Signature", signature(subscription.secret(), timestamp, delivery.payload()));
        try {
            post.send(subscription.url(), headers, delivery.payload());
            webhooks.delivered(delivery.id(), clock.instant());
        } catch (TransferFailed e) {
            int attempts = delivery.attempts() + 1;
            Instant next = e.permanent() || attempts >= settings.maxAttempts()
                    ? null
                    : clock.instant().plus(settings.backoffAfter(attempts));
            log.warn(
                    "webhook {} to {} failed (attempt {}): {}",
                    delivery.id(),
                    subscription.url(),
                    attempts,
                    e.getMessage());
            webhooks.failed(delivery.id(), e.getMessage(), next);
        }
    }

    /** The signature header of a body sent at {@code timestamp} (seconds). */
    public static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
