package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.adapters.blobs.BlobStore;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries waiting to go out. Written in the same transaction as the outbound message they carry; claimed with
 * {@code skip locked} so several senders (or nodes) never deliver the same row at once. A delivery may hold its
 * document itself, without a message row ({@link #hold}: an ERP write-back). A delivery that goes through leaves its
 * row as it was queued and inserts a narrow {@code outbox_delivered} row (V35); reads go through {@code outbox_now},
 * the delivery as it stands.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    /**
     * Deliveries that went through, held back until the transaction commits or a read needs them: also a read of the
     * archive, where an outbound message's status is its deliveries' ({@link MessageRows#STATUS}).
     */
    static final Object DELIVERED_HELD_BACK = new Object();

    private final WriteBehind<Delivered> delivered = new WriteBehind<>(DELIVERED_HELD_BACK, this::writeDelivered);

    public Outbox(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    private record Delivered(UUID id, Instant at) {}

    /**
     * The end of a statement that inserts or updates the outbox rows {@code o}: those not yet delivered are (or stay)
     * rows of outbox_open with their status and next attempt, which the senders claim from (V27); answers how many
     * rows {@code o} has.
     */
    private static final String OPEN = ", open as (insert into outbox_open (delivery_id, status, next_attempt_at)"
            + " select id, status, next_attempt_at from o where status <> 'DELIVERED' on conflict (delivery_id)"
            + " do update set status = excluded.status, next_attempt_at = excluded.next_attempt_at)"
            + " select count(*) from o";

    /**
     * {@link #OPEN} for outbox rows {@code o} just inserted, which outbox_open cannot hold yet: a plain insert, without
     * the speculative insertion (and its WAL record) that {@code on conflict} costs for every row.
     */
    private static final String OPEN_NEW = ", open as (insert into outbox_open (delivery_id, status, next_attempt_at)"
            + " select id, status, next_attempt_at from o where status <> 'DELIVERED')"
            + " select count(*) from o";

    public void enqueue(OutboundDelivery delivery) {
        enqueue(delivery, null);
    }

    /** Enqueues a delivery; with a {@code stepKey}, one already enqueued under that key is not enqueued again. */
    public boolean enqueue(OutboundDelivery delivery, String stepKey) {
        delivered.flush();
        return insert(delivery, stepKey, null, null, 0);
    }

    /**
     * Enqueues a delivery that holds its document: the bytes are stored in the blob store first (a document is queued
     * only once its bytes are), under the shared lock that keeps retention's garbage collection from deleting the
     * same bytes until this transaction ends, then the row names them. With the same {@code stepKey} again, nothing
     * is enqueued and false is returned. The delivery's message id is the document's id.
     */
    public boolean hold(OutboundDelivery delivery, HeldDocument document, byte[] content, String stepKey) {
        delivered.flush();
        String key = Messages.store(jdbc, blobs, content, null);
        boolean inserted = insert(delivery, stepKey, document, key, content.length);
        if (!inserted) {
            Messages.unnamed(jdbc, key);
        }
        return inserted;
    }

    /**
     * Inserts the delivery (and the document it holds, if any: its bytes' {@code key} and {@code size}) unless its
     * step is enqueued already.
     */
    private boolean insert(OutboundDelivery delivery, String stepKey, HeldDocument document, String key, int size) {
        return jdbc.sql(
                                """
                        with o as (
                            insert into outbox (id, message_id, partner_id, channel, target, status, attempts,
                                next_attempt_at, created_at, subject, step_key, blob_key, size_bytes, media_type,
                                file_name, document_type, cause_message_id)
                            values (:id, :message, :partner, :channel, :target, :status, :attempts, :next,
                                :created, :subject, :stepKey, :key, :size, :mediaType, :fileName, :documentType,
                                :cause)
                            on conflict (step_key) do nothing
                            returning id, status, next_attempt_at)
                        """
                                        + OPEN_NEW)
                        .param("id", delivery.id())
                        .param("message", delivery.messageId().value())
                        .param(
                                "partner",
                                delivery.partnerId() == null
                                        ? null
                                        : delivery.partnerId().value(),
                                Columns.TEXT)
                        .param("channel", delivery.channel().name())
                        .param("target", delivery.target(), Columns.TEXT)
                        .param("status", delivery.status().name())
                        .param("attempts", delivery.attempts())
                        .param("next", timestamp(delivery.nextAttemptAt()))
                        .param("created", timestamp(delivery.createdAt()))
                        .param("subject", delivery.subject(), Columns.TEXT)
                        .param("stepKey", Columns.step(stepKey))
                        .param("key", key, Columns.TEXT)
                        .param("size", document == null ? null : size)
                        .param("mediaType", document == null ? null : document.mediaType(), Columns.TEXT)
                        .param("fileName", document == null ? null : document.fileName(), Columns.TEXT)
                        .param("documentType", document == null ? null : document.documentType(), Columns.TEXT)
                        .param(
                                "cause",
                                document == null || document.cause() == null
                                        ? null
                                        : document.cause().value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The documents that {@code deliveries} hold themselves (see {@link #hold}), with their bytes, by document id, in
     * one read: each as the outbound message it stands for, to the ERP, its status the delivery's, its related message
     * the one that caused it.
     */
    public Map<MessageId, Messages.Stored> held(Collection<OutboundDelivery> deliveries) {
        var held = new LinkedHashMap<MessageId, Messages.Stored>();
        if (deliveries.isEmpty()) {
            return held;
        }
        delivered.flush();
        jdbc.sql("select * from outbox_now where id = any(cast(:ids as uuid[])) and blob_key is not null")
                .param("ids", Columns.texts(deliveries, d -> d.id().toString()))
                .query(rs -> {
                    holds(rs, held);
                });
        return held;
    }

    /** The document an outbox row holds, if it holds one, with its bytes, into {@code held}. */
    private void holds(ResultSet rs, Map<MessageId, Messages.Stored> held) throws SQLException {
        String key = rs.getString("blob_key");
        if (key != null) {
            ArchivedMessage document = document(rs);
            held.put(
                    document.id(),
                    new Messages.Stored(document, Messages.blob(blobs, key, "document " + document.id())));
        }
    }

    private static ArchivedMessage document(ResultSet rs) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        String cause = rs.getString("cause_message_id");
        return new ArchivedMessage(
                MessageId.parse(rs.getString("message_id")),
                Direction.OUTBOUND,
                Channel.ERP,
                ChannelKind.valueOf(rs.getString("channel")).name().toLowerCase(java.util.Locale.ROOT),
                MessageFormat.JSON,
                null,
                switch (status) {
                    case PENDING -> MessageStatus.QUEUED;
                    case DELIVERED -> MessageStatus.DELIVERED;
                    case FAILED -> MessageStatus.FAILED;
                },
                rs.getString("last_error"),
                rs.getString("blob_key"),
                rs.getLong("size_bytes"),
                rs.getString("media_type"),
                rs.getString("file_name"),
                rs.getString("document_type"),
                ControlNumbers.none(),
                instant(rs, "created_at"),
                instant(rs, "delivered_at"),
                cause == null ? null : MessageId.parse(cause),
                null);
    }

    /** The deliveries claimed, and the documents those that hold one hold, with their bytes, by document id. */
    public record Due(List<OutboundDelivery> deliveries, Map<MessageId, Messages.Stored> held) {}

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, with the documents they hold (see {@link #hold})
     * read from the same rows; rows stay locked until the caller's transaction ends, so call this inside one.
     */
    public Due claimDue(Instant now, int limit) {
        delivered.flush();
        var deliveries = new java.util.ArrayList<OutboundDelivery>();
        var held = new LinkedHashMap<MessageId, Messages.Stored>();
        jdbc.sql("select o.* from outbox_open p join outbox o on o.id = p.delivery_id"
                        + " where p.status = 'PENDING' and p.next_attempt_at <= :now"
                        + " order by p.next_attempt_at, p.delivery_id limit :limit for update of p skip locked")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(rs -> {
                    deliveries.add(delivery(rs));
                    holds(rs, held);
                });
        return new Due(deliveries, held);
    }

    /**
     * Records a delivery that went through; inside a transaction with the transaction's others when it commits (a
     * batch of deliveries is one insert into {@code outbox_delivered}), or before the outbox or the archive is read
     * again. Its message keeps its row: it reads DELIVERED by this ({@link MessageRows#STATUS}), unless the row says
     * FAILED (it went out after it had failed), which the same statement sets to DELIVERED.
     */
    public void delivered(UUID id, Instant at) {
        delivered.add(new Delivered(id, at));
    }

    private void writeDelivered(List<Delivered> all) {
        jdbc.sql(
                        """
                        with v as (select * from unnest(cast(:ids as uuid[]), cast(:ats as timestamptz[])) as v(id, at)),
                        open as (delete from outbox_open where delivery_id in (select id from v)),
                        failed_before as (update message m set status = 'DELIVERED', status_reason = null,
                                processed_at = v.at
                            from v join outbox o on o.id = v.id
                            where m.id = o.message_id and o.blob_key is null and m.status = 'FAILED')
                        insert into outbox_delivered (delivery_id, delivered_at, attempts)
                        select v.id, v.at, o.attempts + 1 from v join outbox o on o.id = v.id
                        """)
                .param("ids", Columns.texts(all, d -> d.id().toString()))
                .param("ats", Columns.texts(all, d -> d.at().toString()))
                .update();
    }

    /** Records a failed attempt: retried at {@code nextAttempt}, or FAILED for good when that is null. */
    public void attemptFailed(UUID id, String error, Instant nextAttempt) {
        delivered.flush();
        jdbc.sql("with undelivered as (delete from outbox_delivered where delivery_id = :id),"
                        + " o as (update outbox set attempts = attempts + 1, last_error = :error,"
                        + " next_attempt_at = :next::timestamptz,"
                        + " status = case when :next::timestamptz is null then 'FAILED' else 'PENDING' end"
                        + " where id = :id returning id, status, next_attempt_at)"
                        + OPEN)
                .param("id", id)
                .param("error", error)
                .param("next", timestamp(nextAttempt))
                .query(Integer.class)
                .single();
    }

    /**
     * Puts a FAILED delivery back in line to {@code target} (the partner's address as it is now), attempts counted
     * afresh: a bulk retry once a partner has fixed its endpoint.
     */
    public boolean retryTo(UUID id, String target, Instant at) {
        delivered.flush();
        return jdbc.sql("with o as (update outbox set status = 'PENDING', next_attempt_at = :at, attempts = 0,"
                                + " target = :target where id = :id and status = 'FAILED'"
                                + " returning id, status, next_attempt_at)"
                                + OPEN)
                        .param("id", id)
                        .param("at", timestamp(at))
                        .param("target", target)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Puts a FAILED delivery back in line, for an operator's retry. */
    public boolean retry(UUID id, Instant at) {
        delivered.flush();
        return jdbc.sql("with o as (update outbox set status = 'PENDING', next_attempt_at = :at where id = :id"
                                + " and status = 'FAILED' returning id, status, next_attempt_at)"
                                + OPEN)
                        .param("id", id)
                        .param("at", timestamp(at))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<OutboundDelivery> find(UUID id) {
        delivered.flush();
        return jdbc.sql("select * from outbox_now where id = :id")
                .param("id", id)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    /** Deliveries that failed for good, newest first. */
    public List<OutboundDelivery> failed(int limit) {
        delivered.flush();
        return jdbc.sql("select o.* from outbox_open p join outbox o on o.id = p.delivery_id where p.status = 'FAILED'"
                        + " order by o.created_at desc, o.id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    /** What an outbound message was about, as recorded with its delivery. */
    public Optional<String> subjectOf(MessageId message) {
        delivered.flush();
        return jdbc.sql("select subject from outbox where message_id = :message and subject is not null"
                        + " order by created_at limit 1")
                .param("message", message.value())
                .query(String.class)
                .optional();
    }

    public List<OutboundDelivery> forMessage(MessageId message) {
        delivered.flush();
        return jdbc.sql("select * from outbox_now where message_id = :message order by created_at, id")
                .param("message", message.value())
                .query((rs, n) -> delivery(rs))
                .list();
    }

    private static OutboundDelivery delivery(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new OutboundDelivery(
                rs.getObject("id", UUID.class),
                MessageId.parse(rs.getString("message_id")),
                partner == null ? null : PartnerId.of(partner),
                ChannelKind.valueOf(rs.getString("channel")),
                rs.getString("target"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "delivered_at"),
                rs.getString("subject"));
    }
}
