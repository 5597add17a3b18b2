package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.partner.PartnerId;
import io.seamline.model.webhook.WebhookDelivery;
import io.seamline.model.webhook.WebhookSubscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions and their deliveries. */
@Repository
public class Webhooks {

    private final JdbcClient jdbc;
    private final TransactionMemo<PartnerId, List<WebhookSubscription>> active = new TransactionMemo<>(this::read);

    /** The internal subscriptions, read once per transaction (every task opened and message rejected asks). */
    private final TransactionMemo<Boolean, List<WebhookSubscription>> internal =
            new TransactionMemo<>(key -> readInternal());

    public Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void subscribe(WebhookSubscription subscription) {
        active.forget();
        internal.forget();
        jdbc.sql(
                        """
                        insert into webhook_subscription (id, partner_id, url, event_types, secret, active, created_at,
                            format)
                        values (:id, :partner, :url, :types, :secret, :active, :created, :format)
                        """)
                .param("id", subscription.id())
                .param(
                        "partner",
                        subscription.internal()
                                ? null
                                : subscription.partnerId().value())
                .param("format", subscription.format().name())
                .param("url", subscription.url())
                .param("types", subscription.eventTypes().toArray(String[]::new))
                .param("secret", subscription.secret())
                .param("active", subscription.active())
                .param("created", timestamp(subscription.createdAt()))
                .update();
    }

    /**
     * A partner's active subscriptions, or everyone's when {@code partner} is null; read once per transaction (each
     * event a message decides asks).
     */
    public List<WebhookSubscription> subscriptions(PartnerId partner) {
        return active.get(partner);
    }

    private List<WebhookSubscription> read(PartnerId partner) {
        return List.copyOf(jdbc.sql("select * from webhook_subscription where active"
                        + (partner == null ? "" : " and partner_id = :partner")
                        + " order by created_at, id")
                .params(partner == null ? java.util.Map.of() : java.util.Map.of("partner", partner.value()))
                .query((rs, n) -> subscription(rs))
                .list());
    }

    public Optional<WebhookSubscription> subscription(UUID id) {
        return jdbc.sql("select * from webhook_subscription where id = :id")
                .param("id", id)
                .query((rs, n) -> subscription(rs))
                .optional();
    }

    /** Ends a subscription; false when there was no active one. */
    public boolean unsubscribe(UUID id) {
        active.forget();
        internal.forget();
        return jdbc.sql("update webhook_subscription set active = false where id = :id and active")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Queues an event for a subscription, once per event. */
    public boolean enqueue(UUID subscription, String eventId, String eventType, byte[] payload, Instant at) {
        return jdbc.sql(
                                """
                                insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                                    attempts, next_attempt_at, created_at)
                                values (:id, :subscription, :event, :type, :payload, 'PENDING', 0, :at, :at)
                                on conflict (subscription_id, event_id) do nothing
                                """)
                        .param("id", UUID.randomUUID())
                        .param("subscription", subscription)
                        .param("event", eventId)
                        .param("type", eventType)
                        .param("payload", payload)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    /** Locks due deliveries; other nodes skip them. */
    public List<WebhookDelivery> claimDue(Instant now, int limit) {
        return jdbc.sql("select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at, id limit :limit for update skip locked")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    public void delivered(UUID id, Instant at) {
        jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,"
                        + " next_attempt_at = null, last_error = null where id = :id")
                .param("id", id)
                .param("at", timestamp(at))
                .update();
    }

    /** A failed attempt: tried again at {@code next}, or DEAD when that is null. */
    public void failed(UUID id, String error, Instant next) {
        jdbc.sql("update webhook_delivery set attempts = attempts + 1, last_error = :error,"
                        + " next_attempt_at = cast(:next as timestamptz),"
                        + " status = case when cast(:next as timestamptz) is null then 'DEAD' else 'PENDING' end"
                        + " where id = :id")
                .param("id", id)
                .param("error", error)
                .param("next", timestamp(next))
                .update();
    }

    /** Puts a DEAD delivery back in line; false when it is not dead. */
    public boolean replay(UUID id, Instant at) {
        return jdbc.sql("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :at"
                                + " where id = :id and status = 'DEAD'")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    public Optional<WebhookDelivery> delivery(UUID id) {
        return jdbc.sql("select * from webhook_delivery where id = :id")
                .param("id", id)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    /** The deliveries of a subscription, or the dead ones of everyone (subscription null), newest first. */
    public List<WebhookDelivery> deliveries(UUID subscription, WebhookDelivery.Status status, int limit) {
        var where = new StringBuilder(" where true");
        var params = new java.util.HashMap<String, Object>();
        if (subscription != null) {
            where.append(" and subscription_id = :subscription");
            params.put("subscription", subscription);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        params.put("limit", limit);
        return jdbc.sql("select * from webhook_delivery" + where + " order by created_at desc, id limit :limit")
                .params(params)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new WebhookSubscription(
                rs.getObject("id", UUID.class),
                partner == null ? null : PartnerId.of(partner),
                rs.getString("url"),
                Columns.texts(rs, "event_types"),
                rs.getString("secret"),
                rs.getBoolean("active"),
                instant(rs, "created_at"),
                WebhookSubscription.Format.valueOf(rs.getString("format")));
    }

    /** The internal subscriptions to operational events (no partner), active ones. */
    public List<WebhookSubscription> internal() {
        return internal.get(Boolean.TRUE);
    }

    private List<WebhookSubscription> readInternal() {
        return jdbc.sql(
                        "select * from webhook_subscription where active and partner_id is null order by created_at, id")
                .query((rs, n) -> subscription(rs))
                .list();
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getBytes("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }
}
