package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.texts;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.adapters.blobs.BlobStore;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message archive: bytes written once, with their SHA-256, before anything else happens to a message (the bytes
 * in the {@link BlobStore}, stored before the row that names them); claims of messages to process; afterwards only a
 * message's status, envelope facts and links change. How processing ended is written behind by
 * {@link MessageCompletions}; the archive's search is {@link MessageSearch}.
 */
@Repository
public class Messages {

    private static final String COLUMNS = MessageRows.COLUMNS;

    private final JdbcClient jdbc;
    private final MessageCompletions completions;
    private final BlobStore blobs;

    public Messages(JdbcClient jdbc, MessageCompletions completions, BlobStore blobs) {
        this.jdbc = jdbc;
        this.completions = completions;
        this.blobs = blobs;
    }

    /** Writes what the current transaction holds back, so that a read or a write sees and follows it. */
    private void flush() {
        completions.flush();
    }

    /** Archives the bytes: RECEIVED for inbound messages, QUEUED for outbound ones. */
    public ArchivedMessage archive(IncomingMessage message, Instant at) {
        return insert(message, at, null, ControlNumbers.none(), null, null, null)
                .orElseThrow();
    }

    /**
     * Archives an inbound interchange with the control numbers its envelope showed and what it is about
     * ({@code subject}: the one PO its documents name, or null), which orders it among the others again when it is
     * requeued ({@link #receivedBefore}). With an {@code identity} (its step key), once: a second call returns the
     * message archived the first time.
     */
    public ArchivedMessage receive(
            IncomingMessage message, Instant at, String identity, ControlNumbers controls, String subject) {
        return insert(message, at, null, controls, null, identity, subject)
                .or(() -> identity == null ? Optional.empty() : byStepKey(identity))
                .orElseThrow(() -> new IllegalStateException("no message under step key " + identity));
    }

    /**
     * Archives an outbound message produced by a pipeline step, once: a second call with the same {@code stepKey}
     * (a reprocessed message, a redelivered event) returns the message archived the first time, bytes unchanged.
     * {@code relatedTo} is the message it answers, if any.
     */
    public ArchivedMessage archiveOnce(
            IncomingMessage message,
            Instant at,
            String stepKey,
            String documentType,
            ControlNumbers controls,
            MessageId relatedTo) {
        java.util.Objects.requireNonNull(stepKey, "stepKey");
        return insert(message, at, documentType, controls, relatedTo, stepKey, null)
                .or(() -> byStepKey(stepKey))
                .orElseThrow(() -> new IllegalStateException("no message under step key " + stepKey));
    }

    /** Inserts the message and returns it as stored; empty when a message with its step key exists already. */
    private Optional<ArchivedMessage> insert(
            IncomingMessage message,
            Instant at,
            String documentType,
            ControlNumbers controls,
            MessageId relatedTo,
            String stepKey,
            String subject) {
        MessageId id = new MessageId(TimeOrderedIds.at(at));
        MessageStatus status = message.direction() == Direction.INBOUND ? MessageStatus.RECEIVED : MessageStatus.QUEUED;
        ControlNumbers numbers = controls == null ? ControlNumbers.none() : controls;
        // durable before the row that names it: a message is accepted only once its bytes are stored; with the lock
        // of its step (StepLocks), so that the insert below sees an earlier writer's
        UUID step = Columns.step(stepKey);
        String key = store(jdbc, blobs, message.content(), step);
        Optional<ArchivedMessage> inserted = jdbc.sql(
                        """
                        with m as (
                            insert into message (id, direction, channel, transport, format, partner_id, status,
                                sha256, size_bytes, blob_key, media_type, file_name, received_at, document_type,
                                interchange_control, group_controls, set_controls, related_message_id, step_key,
                                step, subject)
                            select cast(:id as uuid), :direction, :channel, :transport, :format, :partner, :status,
                                :sha256, cast(:size as bigint), :key, :mediaType, :fileName, cast(:at as timestamptz),
                                :documentType, :interchange, cast(:groups as text[]), cast(:sets as text[]),
                                cast(:related as uuid), :stepKey, cast(:step as uuid), :subject
                            where cast(:step as uuid) is null
                                or not exists (select 1 from message where step = cast(:step as uuid))
                            returning *),
                        waiting as (
                            insert into message_waiting (message_id, received_at)
                            select id, received_at from m where status = 'RECEIVED')
                        select
                        """
                                + COLUMNS
                                + " from m")
                .param("id", id.value())
                .param("direction", message.direction().name())
                .param("channel", message.channel().name())
                .param("transport", message.transport())
                .param("format", message.format().name())
                .param(
                        "partner",
                        message.partnerId() == null ? null : message.partnerId().value())
                .param("status", status.name())
                .param("sha256", key)
                .param("size", (long) message.content().length)
                .param("key", key)
                .param("mediaType", message.mediaType())
                .param("fileName", message.fileName())
                .param("at", timestamp(at))
                .param("documentType", documentType)
                .param("interchange", numbers.interchange())
                .param("groups", numbers.groups().toArray(String[]::new))
                .param("sets", numbers.sets().toArray(String[]::new))
                .param("related", relatedTo == null ? null : relatedTo.value())
                .param("stepKey", stepKey)
                .param("step", step)
                .param("subject", subject)
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
        if (inserted.isEmpty()) {
            unnamed(jdbc, key);
        }
        return inserted;
    }

    /**
     * Stores bytes before the row that will name them, and returns their key: under a shared lock on the blob (until
     * this transaction ends) that keeps retention's garbage collection from deleting the same bytes meanwhile, taken in
     * one statement with the lock of the row's {@code step} (StepLocks), if any.
     */
    static String store(JdbcClient jdbc, BlobStore blobs, byte[] content, UUID step) {
        String key = sha256(content);
        var locks = jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended(:key, 0))"
                        + (step == null ? "" : ", pg_advisory_xact_lock(:step)"))
                .param("key", blobLock(key));
        (step == null ? locks : locks.param("step", StepLocks.key(step)))
                .query((rs, n) -> 1)
                .list();
        blobs.put(content);
        return key;
    }

    /** The bytes a row names by {@code key}; {@code owner} says whose they are when the store has lost them. */
    static byte[] blob(BlobStore blobs, String key, String owner) {
        return blobs.get(key)
                .orElseThrow(() -> new IllegalStateException(
                        "the bytes of " + owner + " (blob " + key + ") are not in " + blobs.location()));
    }

    /**
     * Bytes stored for a row that was not written (its step was recorded already, by other bytes maybe: a document
     * carries the time it was made) go to retention's garbage, which deletes them unless a row names them.
     */
    static void unnamed(JdbcClient jdbc, String key) {
        jdbc.sql("insert into blob_garbage (blob_key, since) values (:key, now()) on conflict (blob_key) do nothing")
                .param("key", key)
                .update();
    }

    public Optional<ArchivedMessage> byStepKey(String stepKey) {
        flush();
        return jdbc.sql("select " + COLUMNS + " from message m where step = :step")
                .param("step", Columns.step(stepKey))
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    /**
     * Takes a RECEIVED inbound message for processing: the row stays locked until the transaction ends, and a
     * message another worker holds, or one no longer RECEIVED, is not returned.
     */
    public Optional<ArchivedMessage> claim(MessageId id) {
        flush();
        return jdbc.sql("select " + COLUMNS + " from message m where id = :id and status = 'RECEIVED'"
                        + " and direction = 'INBOUND' for update skip locked")
                .param("id", id.value())
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    /**
     * {@link #claim Takes} those of the messages that can be taken, with their bytes, in one read: oldest first (as
     * they came in), each row locked until the transaction ends.
     */
    public List<Stored> claimAll(List<MessageId> ids) {
        flush();
        if (ids.isEmpty()) {
            return List.of();
        }
        // a batch of one is the usual batch when the pipeline keeps up; with an array PostgreSQL planned the read
        // again at every call, one partition of message after another
        String[] all = texts(ids, MessageId::toString);
        return jdbc.sql("select " + COLUMNS + ", " + BYTES + " from message m where "
                        + Columns.oneOf("id", "ids", all, "uuid")
                        + " and status = 'RECEIVED' and direction = 'INBOUND' order by received_at, id"
                        + " for update skip locked")
                .param("ids", Columns.oneOrAll(all))
                .query((rs, n) -> new Stored(MessageRows.message(rs), bytes(rs)))
                .list();
    }

    /** An inbound message waiting to be processed, and what orders it among the others (its subject or partner). */
    public record Waiting(MessageId id, String key) {}

    /** Inbound messages still RECEIVED that arrived before {@code before}, oldest first. */
    public List<Waiting> receivedBefore(Instant before, int limit) {
        flush();
        // a row left by a status change that did not end it (none does today) goes here
        return jdbc.sql(
                        """
                        with ended as (
                            delete from message_waiting w using message m
                            where m.id = w.message_id and m.status <> 'RECEIVED')
                        select m.id, coalesce(m.subject, m.partner_id, cast(m.id as text)) as key
                        from message_waiting w join message m on m.id = w.message_id
                        where m.status = 'RECEIVED' and m.direction = 'INBOUND' and w.received_at < :before
                        order by w.received_at, w.message_id limit :limit
                        """)
                .param("before", timestamp(before))
                .param("limit", limit)
                .query((rs, n) -> new Waiting(MessageId.parse(rs.getString("id")), rs.getString("key")))
                .list();
    }

    /**
     * Our outbound message to {@code partner} that carried a group (or, without one, an interchange) with this
     * control number: what a partner's functional acknowledgement answers.
     */
    public Optional<ArchivedMessage> sentWithControl(PartnerId partner, String group, String interchange) {
        flush();
        String where = group != null ? ":group = any(m.group_controls)" : "m.interchange_control = :interchange";
        return jdbc.sql("select " + COLUMNS + " from message m where m.partner_id = :partner"
                        + " and m.direction = 'OUTBOUND' and " + where + " order by m.received_at desc limit 1")
                .param("partner", partner.value())
                .param("group", group)
                .param("interchange", interchange)
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    public static String sha256(byte[] content) {
        return BlobStore.key(content);
    }

    /** The name of the advisory lock that guards a blob between its garbage collection and a message storing it. */
    static String blobLock(String key) {
        return "blob:" + key;
    }

    /** The columns {@link #bytes} reads. */
    private static final String BYTES = "m.content, m.blob_key, m.payload_removed_by";

    /**
     * A row's bytes: in the row (written before the blob store, not yet moved) or in the blob store; for bytes
     * retention removed, a line that says so and by which rule.
     */
    private byte[] bytes(ResultSet rs) throws SQLException {
        byte[] inRow = rs.getBytes("content");
        if (inRow != null) {
            return inRow;
        }
        String key = rs.getString("blob_key");
        if (key == null) {
            return ("The raw bytes of this message were removed (" + rs.getString("payload_removed_by") + ").\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return blob(blobs, key, "message " + rs.getString("id"));
    }

    /**
     * Moves the bytes of up to {@code limit} rows written before the blob store into it, in the caller's transaction
     * (rows another node is moving are skipped); returns how many moved. Each row's bytes are stored before the row
     * stops holding them.
     */
    public int moveBytesToBlobs(int limit) {
        var rows = jdbc.sql("select id, content from message where content is not null"
                        + " order by received_at limit :limit for update skip locked")
                .param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getObject("id"), rs.getBytes("content")))
                .list();
        for (var row : rows) {
            String key = blobs.put(row.getValue());
            jdbc.sql("update message set blob_key = :key, content = null where id = :id")
                    .param("key", key)
                    .param("id", row.getKey())
                    .update();
        }
        return rows.size();
    }

    public Optional<ArchivedMessage> find(MessageId id, PartnerScope scope) {
        flush();
        var params = new HashMap<String, Object>();
        params.put("id", id.value());
        return jdbc.sql("select " + COLUMNS + " from message m where id = :id" + MessageRows.scopeFilter(scope, params))
                .params(params)
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    /** Which of {@code ids} are archived messages, in one read. */
    public Set<MessageId> known(Collection<MessageId> ids) {
        flush();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from message where id = any(cast(:ids as uuid[]))")
                .param("ids", texts(ids, MessageId::toString))
                .query((rs, n) -> MessageId.parse(rs.getString("id")))
                .list());
    }

    /** A message with its archived bytes, in one read (what a delivery sends). */
    public record Stored(ArchivedMessage message, byte[] content) {}

    /** Messages with their archived bytes, in one read, by id (those that exist). */
    public Map<MessageId, Stored> withContent(List<MessageId> ids) {
        flush();
        var stored = new LinkedHashMap<MessageId, Stored>();
        if (ids.isEmpty()) {
            return stored;
        }
        jdbc.sql("select " + COLUMNS + ", " + BYTES + " from message m where id = any(cast(:ids as uuid[]))")
                .param("ids", texts(ids, MessageId::toString))
                .query(rs -> {
                    Stored one = new Stored(MessageRows.message(rs), bytes(rs));
                    stored.put(one.message().id(), one);
                });
        return stored;
    }

    public Optional<Stored> withContent(MessageId id) {
        flush();
        return jdbc.sql("select " + COLUMNS + ", " + BYTES + " from message m where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Stored(MessageRows.message(rs), bytes(rs)))
                .optional();
    }

    /** The archived bytes, exactly as received or sent. */
    public Optional<byte[]> content(MessageId id, PartnerScope scope) {
        flush();
        var params = new HashMap<String, Object>();
        params.put("id", id.value());
        return jdbc.sql("select m.id, " + BYTES + " from message m where id = :id"
                        + MessageRows.scopeFilter(scope, params))
                .params(params)
                .query((rs, n) -> bytes(rs))
                .optional();
    }

    /** The messages that came inside another one over {@code transport} (a document's attachments), in order. */
    public List<ArchivedMessage> carriedBy(MessageId carrier, String transport) {
        flush();
        return jdbc.sql("select " + COLUMNS + " from message m where related_message_id = :carrier"
                        + " and transport = :transport order by step_key")
                .param("carrier", carrier.value())
                .param("transport", transport)
                .query((rs, n) -> MessageRows.message(rs))
                .list();
    }

    /** The first earlier message with the same bytes in the same direction and channel, in one of {@code statuses}. */
    public Optional<ArchivedMessage> sameContentAs(ArchivedMessage message, List<MessageStatus> statuses) {
        flush();
        return jdbc.sql("select " + COLUMNS + " from message m where sha256 = :sha256 and direction = :direction"
                        + " and channel = :channel and id <> :id and status = any(:statuses) and received_at <= :at"
                        + " order by received_at, id limit 1")
                .param("sha256", message.sha256())
                .param("channel", message.channel().name())
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("direction", message.direction().name())
                .param("id", message.id().value())
                .param("at", timestamp(message.receivedAt()))
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    /** Records what reading the envelope told us: the sender, the document and its control numbers. */
    public void describe(MessageId id, PartnerId partner, String documentType, ControlNumbers controls) {
        flush();
        jdbc.sql(
                        """
                        update message set partner_id = coalesce(:partner, partner_id),
                            document_type = coalesce(:documentType, document_type),
                            interchange_control = coalesce(:interchange, interchange_control),
                            group_controls = :groups, set_controls = :sets
                        where id = :id
                        """)
                .param("id", id.value())
                .param("partner", partner == null ? null : partner.value())
                .param("documentType", documentType)
                .param("interchange", controls.interchange())
                .param("groups", controls.groups().toArray(String[]::new))
                .param("sets", controls.sets().toArray(String[]::new))
                .update();
    }

    /**
     * Labels a message with what its channel says it is: the document type and the subject it is about (the PO of
     * an API commitment), when the bytes alone do not say it.
     */
    public void label(MessageId id, PartnerId partner, String documentType, String subject) {
        flush();
        jdbc.sql(
                        """
                        update message set partner_id = coalesce(:partner, partner_id), document_type = :documentType,
                            subject = :subject
                        where id = :id
                        """)
                .param("id", id.value())
                .param("partner", partner == null ? null : partner.value())
                .param("documentType", documentType)
                .param("subject", subject)
                .update();
    }

    /** The subject a message was labelled with, if any. */
    public Optional<String> subjectOf(MessageId id) {
        flush();
        return jdbc.sql("select subject from message where id = :id and subject is not null")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    /** A message's own identifier on its channel (a mail's or an AS2 message's Message-ID), if it has one. */
    public Optional<String> externalId(MessageId id) {
        flush();
        return jdbc.sql("select external_id from message where id = :id and external_id is not null")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    /** Records a message's own identifier on its channel (a mail's Message-ID). */
    public void identify(MessageId id, String externalId) {
        flush();
        jdbc.sql("update message set external_id = :external where id = :id")
                .param("id", id.value())
                .param("external", externalId)
                .update();
    }

    /** The first message on a channel and in a direction with this identifier (a Message-ID), other than {@code id}. */
    public Optional<ArchivedMessage> byExternalId(
            Channel channel, Direction direction, String externalId, MessageId id) {
        flush();
        return jdbc.sql("select " + COLUMNS + " from message m where channel = :channel and direction = :direction"
                        + " and external_id = :external and id <> :id order by received_at, id limit 1")
                .param("channel", channel.name())
                .param("direction", direction.name())
                .param("external", externalId)
                .param("id", id == null ? new java.util.UUID(0, 0) : id.value())
                .query((rs, n) -> MessageRows.message(rs))
                .optional();
    }

    /** Moves a message to a new status with the reason, when it is in one of the expected statuses. */
    public boolean transition(MessageId id, List<MessageStatus> from, MessageStatus to, String reason, Instant at) {
        flush();
        return jdbc.sql(
                                """
                                with m as (
                                    update message set status = :to, status_reason = :reason,
                                        processed_at = case when :final then :at else processed_at end
                                    where id = :id and status = any(:from)
                                    returning id, status),
                                ended as (
                                    delete from message_waiting
                                    where message_id = :id and exists (select 1 from m where m.status <> 'RECEIVED'))
                                select count(*) from m
                                """)
                        .param("id", id.value())
                        .param("to", to.name())
                        .param("reason", reason)
                        .param("final", to.isFinal())
                        .param("at", timestamp(at))
                        .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Puts a message that ended (PROCESSED, REJECTED, DUPLICATE, FAILED, QUARANTINED) back to RECEIVED, to process it
     * again; false for one whose bytes retention or an erasure removed (there is nothing left to read).
     */
    public boolean reopen(MessageId id, String reason) {
        flush();
        return jdbc.sql(
                                """
                                with m as (
                                    update message set status = 'RECEIVED', status_reason = :reason,
                                        processed_at = null
                                    where id = :id and direction = 'INBOUND' and payload_removed_at is null
                                        and status in ('PROCESSED', 'REJECTED', 'DUPLICATE', 'FAILED', 'QUARANTINED')
                                    returning id, received_at),
                                waiting as (
                                    insert into message_waiting (message_id, received_at)
                                    select id, received_at from m on conflict do nothing)
                                select count(*) from m
                                """)
                        .param("id", id.value())
                        .param("reason", reason)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Marks a message as test traffic: it ran, or goes out, without changing production. */
    public void markTest(MessageId id) {
        flush();
        jdbc.sql("update message set test = true where id = :id")
                .param("id", id.value())
                .update();
    }

    /** What a test message would have done (JSON), as its run recorded it. */
    public Optional<String> wouldHave(MessageId id) {
        flush();
        return jdbc.sql("select cast(would_have as text) from message where id = :id and would_have is not null")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    /** Links a message and the acknowledgement we sent (or received) for it. */
    public void linkAcknowledgement(MessageId message, MessageId acknowledgement) {
        flush();
        jdbc.sql("update message set ack_message_id = :ack where id = :id")
                .param("id", message.value())
                .param("ack", acknowledgement.value())
                .update();
        jdbc.sql("update message set related_message_id = :id where id = :ack")
                .param("id", message.value())
                .param("ack", acknowledgement.value())
                .update();
    }
}
