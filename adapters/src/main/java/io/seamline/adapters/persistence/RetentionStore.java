package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.adapters.blobs.BlobStore;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.retention.RetentionClass;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retention's side of the database: how many records of a class are older than a cutoff and needed by nothing, and
 * their removal in batches (each in the caller's transaction, rows another node holds skipped), leaving the message
 * row or a {@code tombstone} behind. What "needed" means is in the schema ({@code message_needed},
 * {@code subject_needed}): a legal hold in force, an open task or SLA expectation, an invoice not settled.
 */
@Repository
public class RetentionStore {

    /** The advisory lock of a retention batch: one node at a time. */
    private static final long LOCK = 0x5EA4_7E7L;

    /** What every removal leaves: a tombstone row, from a select of these columns. */
    private static final String TOMBSTONE = "insert into tombstone (kind, record_id, subject, partner_id, sha256,"
            + " created_at, purged_at, rule, purged_by, count) ";

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    public RetentionStore(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /**
     * Whose records a rule covers: one partner's (its own rule), or everyone's but the partners with rules of their
     * own ({@code partner} null).
     */
    public record Scope(PartnerId partner, List<PartnerId> overridden) {

        public static Scope everyoneBut(List<PartnerId> overridden) {
            return new Scope(null, List.copyOf(overridden));
        }

        public static Scope only(PartnerId partner) {
            return new Scope(partner, List.of());
        }

        String sql(String partnerColumn, Map<String, Object> params) {
            if (partner != null) {
                params.put("scopePartner", partner.value());
                return " and " + partnerColumn + " = :scopePartner";
            }
            if (overridden.isEmpty()) {
                return "";
            }
            params.put("overridden", overridden.stream().map(PartnerId::value).toArray(String[]::new));
            return " and (" + partnerColumn + " is null or " + partnerColumn + " <> all(:overridden))";
        }
    }

    /** The turn of this transaction's batch; false while another node's batch runs. */
    public boolean takeTurn() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single());
    }

    /** How many records of {@code kind} older than {@code cutoff} would go now. */
    public long count(RetentionClass kind, Instant cutoff, Scope scope) {
        var params = new HashMap<String, Object>();
        params.put("cutoff", timestamp(cutoff));
        String sql =
                switch (kind) {
                    case PAYLOADS, INVOICE_PAYLOADS -> "select count(*) from message m where "
                            + payloads(kind, scope, params);
                    case EVENTS -> "select count(*) from event e left join message m on m.id = e.message_id where "
                            + events(scope, params);
                    case TIMELINE -> "select coalesce(sum(" + ENTRIES + "), 0) from timeline_entry t where "
                            + timeline(scope, params);
                    case TASKS -> "select count(*) from task t where " + tasks(scope, params);
                    case EXPECTATIONS -> "select count(*) from sla_expectation x where " + expectations(scope, params);
                    case MESSAGES -> "select (select count(*) from message m where " + messages(scope, params)
                            + ") + (select count(*) from outbox o where " + held(scope, params)
                            + ") + (select count(*) from tombstone where " + foldable(scope, params) + ")";
                };
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * Removes up to {@code batch} records of {@code kind} older than {@code cutoff} that nothing needs; returns how
     * many went. Raw bytes leave their message row behind (when, by which rule) and their blob to the garbage, which
     * {@link #collectGarbage} deletes once no message names it again.
     */
    public int purge(
            RetentionClass kind, Instant cutoff, Scope scope, int batch, Instant now, String rule, String actor) {
        var params = new HashMap<String, Object>();
        params.put("cutoff", timestamp(cutoff));
        params.put("batch", batch);
        params.put("now", timestamp(now));
        params.put("rule", rule);
        params.put("actor", actor);
        return switch (kind) {
            case PAYLOADS, INVOICE_PAYLOADS -> removePayloads(
                    "select m.id, m.blob_key from message m where " + payloads(kind, scope, params)
                            + " order by m.received_at limit :batch for update of m skip locked",
                    params);
            case EVENTS -> removeEvents(scope, params);
            case TIMELINE -> removeTimeline(scope, params);
            case TASKS -> removeTasks(scope, params);
            case EXPECTATIONS -> removeExpectations(scope, params);
            case MESSAGES -> removeMessages(scope, params) + removeHeld(scope, params) + foldTombstones(scope, params);
        };
    }

    private String payloads(RetentionClass kind, Scope scope, Map<String, Object> params) {
        params.put("invoice", InvoiceReceived.TYPE);
        String invoice = "exists (select 1 from event e where e.type = :invoice"
                + " and (e.message_id = m.id or e.message_id = m.related_message_id))";
        return "m.payload_removed_at is null and m.received_at < :cutoff"
                + (kind == RetentionClass.INVOICE_PAYLOADS ? " and " + invoice : " and not " + invoice)
                + scope.sql("m.partner_id", params)
                + " and not message_needed(m)";
    }

    private int removePayloads(String candidates, Map<String, Object> params) {
        List<String> keys = jdbc.sql("with candidates as (" + candidates + ")"
                        + " update message set content = null, blob_key = null, payload_removed_at = :now,"
                        + " payload_removed_by = :rule from candidates c where message.id = c.id"
                        + " returning coalesce(c.blob_key, '')")
                .params(params)
                .query(String.class)
                .list();
        String[] garbage = keys.stream().filter(k -> !k.isEmpty()).distinct().toArray(String[]::new);
        if (garbage.length > 0) {
            jdbc.sql("insert into blob_garbage (blob_key, since) select k, :now from unnest(cast(:keys as text[])) k"
                            + " on conflict (blob_key) do nothing")
                    .param("keys", garbage)
                    .param("now", params.get("now"))
                    .update();
        }
        return keys.size();
    }

    private String events(Scope scope, Map<String, Object> params) {
        params.put("invoice", InvoiceReceived.TYPE);
        // an invoice's event says its bytes are an invoice's (kept longest): it stays while they do
        return "e.time < :cutoff" + scope.sql("e.partner_id", params)
                + " and not (e.type = :invoice and m.id is not null and m.payload_removed_at is null)"
                + " and (m.id is null or not message_needed(m))"
                + " and (e.subject is null or not subject_needed(e.subject))"
                + " and not exists (select 1 from task t where t.event_id = e.id and t.status = 'OPEN')"
                + " and (e.workflow_document_type is null or e.workflow_completed_at is not null)"
                + " and not exists (select 1 from invoice i where i.event_id = e.id"
                + " and i.status in ('RECEIVED', 'EXCEPTION'))";
    }

    private int removeEvents(Scope scope, Map<String, Object> params) {
        String victims = "select e.id from event e left join message m on m.id = e.message_id where "
                + events(scope, params) + " order by e.time limit :batch for update of e skip locked";
        return howMany(
                "with victims as (" + victims + "),"
                        + " tasks as (update task set event_id = null where event_id in (select id from victims)),"
                        + " invoices as (update invoice set event_id = null"
                        + " where event_id in (select id from victims)),"
                        + " gone as (delete from event where id in (select id from victims)"
                        + " returning id, message_id, subject, partner_id, time, coalesce(cast(cloud_event as text),"
                        + " cast(data as text), encode(data_packed, 'base64')) as body),"
                        + " stones as (" + TOMBSTONE
                        + "select 'EVENTS', coalesce(cast(g.message_id as text), 'none'), min(g.subject),"
                        + " min(g.partner_id), encode(sha256(convert_to(string_agg(g.body,"
                        + " '' order by g.id), 'UTF8')), 'hex'), min(g.time), :now, :rule, :actor, count(*)"
                        + " from gone g group by g.message_id returning count)"
                        + " select coalesce(sum(count), 0) from stones",
                params);
    }

    private String timeline(Scope scope, Map<String, Object> params) {
        return "t.at < :cutoff" + scope.sql("subject_partner(t.subject)", params)
                + " and not subject_needed(t.subject)";
    }

    /** The entries a timeline row holds: its own and those folded into it (see Timelines). */
    private static final String ENTRIES = "1 + coalesce(folded_entries, jsonb_array_length(folded), 0)";

    private int removeTimeline(Scope scope, Map<String, Object> params) {
        String victims = "select t.id from timeline_entry t where " + timeline(scope, params)
                + " order by t.at limit :batch for update skip locked";
        return removeWithTombstonePerSubject(
                "TIMELINE",
                "gone as (delete from timeline_entry where id in (" + victims + ")"
                        + " returning subject, at, summary as body, " + ENTRIES + " as entries)",
                "subject_partner(g.subject)",
                "sum(g.entries)",
                params);
    }

    /**
     * Runs {@code ctes}, whose {@code gone} returns what went ({@code subject}, {@code at}, {@code body}), and leaves one
     * tombstone per subject: how many went ({@code count}), from when, the SHA-256 of their bodies in time order, by which
     * rule and actor. Returns how many went.
     */
    private int removeWithTombstonePerSubject(
            String kind, String ctes, String partner, String count, Map<String, Object> params) {
        return howMany(
                "with " + ctes + ","
                        + " stones as (" + TOMBSTONE + "select '" + kind + "', g.subject, g.subject, " + partner + ","
                        + " encode(sha256(convert_to(string_agg(g.body, '' order by g.at), 'UTF8')), 'hex'),"
                        + " min(g.at), :now, :rule, :actor, " + count + " from gone g group by g.subject"
                        + " returning count)"
                        + " select coalesce(sum(count), 0) from stones",
                params);
    }

    private String tasks(Scope scope, Map<String, Object> params) {
        return "t.status <> 'OPEN' and coalesce(t.decided_at, t.created_at) < :cutoff"
                + scope.sql("t.partner_id", params) + " and not subject_needed(t.subject)";
    }

    private int removeTasks(Scope scope, Map<String, Object> params) {
        String victims = "select t.id from task t where " + tasks(scope, params)
                + " order by t.created_at limit :batch for update skip locked";
        return jdbc.sql("with gone as (delete from task where id in (" + victims + ")"
                        + " returning id, subject, partner_id, created_at, cast(task.* as text) as body)"
                        + " " + TOMBSTONE + "select 'TASK', cast(g.id as text), g.subject, g.partner_id,"
                        + " encode(sha256(convert_to(g.body, 'UTF8')), 'hex'), g.created_at, :now, :rule, :actor, 1"
                        + " from gone g")
                .params(params)
                .update();
    }

    /**
     * Met, late and cancelled expectations closed before the cutoff whose subject nothing needs (a hold, an open task,
     * an open expectation, a deduction not settled). Opened before the cutoff too, which the BRIN index on
     * {@code opened_at} finds without reading the table.
     */
    private String expectations(Scope scope, Map<String, Object> params) {
        return "x.opened_at < :cutoff and x.status in ('FULFILLED', 'LATE', 'CANCELLED')"
                + " and coalesce(x.closed_at, x.opened_at) < :cutoff" + scope.sql("x.partner_id", params)
                + " and not subject_needed(x.subject)";
    }

    /** The expectations and their alerts go; one tombstone per subject says how many, when and why. */
    private int removeExpectations(Scope scope, Map<String, Object> params) {
        String victims = "select x.id from sla_expectation x where " + expectations(scope, params)
                + " order by x.opened_at limit :batch for update skip locked";
        return removeWithTombstonePerSubject(
                "EXPECTATIONS",
                "victims as (" + victims + "),"
                        + " alerts as (delete from sla_alert where expectation_id in (select id from victims)),"
                        + " gone as (delete from sla_expectation where id in (select id from victims)"
                        + " returning subject, partner_id, opened_at as at, cast(sla_expectation.* as text) as body)",
                "min(g.partner_id)",
                "count(*)",
                params);
    }

    /**
     * Message rows whose bytes went before the cutoff, that nothing needs and that nothing kept names: no event, no
     * timeline row (its own, or the row of the message it answers, where its entries are folded), no delivery still
     * pending.
     */
    private String messages(Scope scope, Map<String, Object> params) {
        return "m.payload_removed_at is not null and m.received_at < :cutoff" + scope.sql("m.partner_id", params)
                + " and not exists (select 1 from event e where e.message_id = m.id)"
                + " and not exists (select 1 from timeline_entry t where t.message_id = m.id)"
                + " and (m.related_message_id is null or not exists (select 1 from timeline_entry t"
                + " where t.message_id = m.related_message_id))"
                + " and not exists (select 1 from outbox_now o where o.message_id = m.id and o.status = 'PENDING')"
                + " and not message_needed(m)";
    }

    /**
     * The rows go with their deliveries, their interchange's duplicate check and their AS2 exchange; the tombstones
     * of their events fold into one per partner and day, and so do the rows themselves: how many, from when, and the
     * SHA-256 of their ids and hashes.
     */
    private int removeMessages(Scope scope, Map<String, Object> params) {
        String victims = "select m.id, m.partner_id, m.interchange_control from message m where "
                + messages(scope, params) + " order by m.received_at limit :batch for update of m skip locked";
        return howMany(
                "with victims as (" + victims + "),"
                        + " deliveries as (delete from outbox where message_id in (select id from victims)"
                        + " returning id),"
                        + " open as (delete from outbox_open where delivery_id in (select id from deliveries)),"
                        + " delivered as (delete from outbox_delivered where delivery_id in (select id from deliveries)),"
                        + " waiting as (delete from message_waiting where message_id in (select id from victims)),"
                        + " interchanges as (delete from inbound_interchange i using victims v"
                        + " where i.partner_id = v.partner_id and i.control_number = v.interchange_control"
                        + " and i.message_id = v.id),"
                        + " exchanges as (delete from as2_exchange where message_id in (select id from victims)),"
                        + " event_stones as (delete from tombstone where kind = 'EVENTS'"
                        + " and record_id in (select cast(id as text) from victims)"
                        + " returning partner_id, coalesce(created_at, purged_at) as created_at, count),"
                        + " gone as (delete from message where id in (select id from victims)"
                        + " returning id, partner_id, received_at, sha256),"
                        + " event_days as ("
                        + dayTombstones("'EVENTS'", "event_stones", "created_at", "sum(g.count)", "null") + "),"
                        + " stones as (" + messageDays("received_at") + " returning count)"
                        + " select coalesce(sum(count), 0) from stones",
                params);
    }

    /**
     * Documents held by their deliveries (ERP write-backs: {@link Outbox#hold}) queued before the cutoff and settled
     * (delivered, or failed for good), that nothing keeps, as for a message row: no timeline row names the message
     * that caused them (their entries are under it), no legal hold on it, no legal hold or open task on their subject.
     */
    private String held(Scope scope, Map<String, Object> params) {
        return "o.blob_key is not null and o.created_at < :cutoff"
                + " and not exists (select 1 from outbox_open p where p.delivery_id = o.id and p.status = 'PENDING')"
                + scope.sql("o.partner_id", params) + " and (o.subject is null or not subject_needed(o.subject))"
                + " and (o.cause_message_id is null or (not exists (select 1 from timeline_entry t"
                + " where t.message_id = o.cause_message_id) and not exists (select 1 from legal_hold h"
                + " where h.lifted_at is null and h.subject = 'message/' || o.cause_message_id)))";
    }

    /**
     * They go with their bytes (to the garbage) and fold into one tombstone per partner and day, as message rows do:
     * how many, from when, and the SHA-256 of their ids and hashes.
     */
    private int removeHeld(Scope scope, Map<String, Object> params) {
        return howMany(
                "with victims as (select o.id from outbox o where " + held(scope, params)
                        + " order by o.created_at limit :batch for update of o skip locked),"
                        + " open as (delete from outbox_open where delivery_id in (select id from victims)),"
                        + " delivered as (delete from outbox_delivered where delivery_id in (select id from victims)),"
                        + " gone as (delete from outbox where id in (select id from victims)"
                        + " returning message_id as id, partner_id, created_at, blob_key as sha256),"
                        + " garbage as (insert into blob_garbage (blob_key, since)"
                        + " select distinct sha256, cast(:now as timestamptz) from gone on conflict (blob_key) do nothing),"
                        + " stones as (" + messageDays("created_at") + " returning count)"
                        + " select coalesce(sum(count), 0) from stones",
                params);
    }

    /**
     * One MESSAGES tombstone per partner and day of {@code at} for the rows of {@code gone} (id, partner, time, hash):
     * how many, from when, and the SHA-256 of their ids and hashes.
     */
    private static String messageDays(String at) {
        return dayTombstones(
                "'MESSAGES'",
                "gone",
                at,
                "count(*)",
                "encode(sha256(convert_to(string_agg(g.id || ':' || g.sha256, ',' order by g.id), 'UTF8')), 'hex')");
    }

    /** Runs a removal whose statement answers how many records went. */
    private int howMany(String statement, Map<String, Object> params) {
        Integer count = jdbc.sql(statement).params(params).query(Integer.class).single();
        return count == null ? 0 : count;
    }

    /** Tombstones of a subject or a record (not of a day) purged before the cutoff. */
    private static String foldable(Scope scope, Map<String, Object> params) {
        return "purged_at < :cutoff and subject is not null" + scope.sql("partner_id", params);
    }

    /**
     * Tombstones of a subject or a record purged before the cutoff fold into one per kind, partner and day, as the
     * messages' rows do; returns how many folded.
     */
    private int foldTombstones(Scope scope, Map<String, Object> params) {
        return howMany(
                "with old as (select id from tombstone where " + foldable(scope, params)
                        + " order by purged_at limit :batch for update skip locked),"
                        + " gone as (delete from tombstone where id in (select id from old)"
                        + " returning kind, partner_id, coalesce(created_at, purged_at) as created_at, count),"
                        + " days as (" + dayTombstones("g.kind", "gone", "created_at", "sum(g.count)", "null") + ")"
                        + " select count(*) from gone",
                params);
    }

    /** Inserts one tombstone of {@code kind} per partner and day of {@code at} for the rows of {@code from}. */
    private static String dayTombstones(String kind, String from, String at, String count, String sha256) {
        return TOMBSTONE + "select " + kind + ", to_char(g." + at + " at time zone 'UTC', 'YYYY-MM-DD'),"
                + " null, g.partner_id, " + sha256 + ", min(g." + at + "), :now, :rule, :actor, " + count
                + " from " + from + " g group by " + (kind.startsWith("g.") ? kind + ", " : "")
                + "2, g.partner_id";
    }

    /**
     * Deletes up to {@code limit} blobs that went to the garbage before {@code before} and that no message (nor a
     * delivery holding its document) names
     * again, in the caller's transaction: each key under an exclusive lock that {@link Messages} takes shared before
     * it stores the same bytes, so bytes a new message stores are never deleted under it. Returns how many went.
     */
    public int collectGarbage(Instant before, int limit) {
        List<String> keys = jdbc.sql("select blob_key from blob_garbage where since <= :before order by since"
                        + " limit :limit for update skip locked")
                .param("before", timestamp(before))
                .param("limit", limit)
                .query(String.class)
                .list();
        int deleted = 0;
        for (String key : keys) {
            boolean ours = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", Messages.blobLock(key))
                    .query(Boolean.class)
                    .single());
            if (!ours) {
                continue;
            }
            boolean named = jdbc.sql("select exists (select 1 from message where sha256 = :key and blob_key = :key)"
                            + " or exists (select 1 from outbox where blob_key = :key)")
                    .param("key", key)
                    .query(Boolean.class)
                    .single();
            if (!named) {
                blobs.delete(key);
                deleted++;
            }
            jdbc.sql("delete from blob_garbage where blob_key = :key")
                    .param("key", key)
                    .update();
        }
        return deleted;
    }
}
