package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.MessageId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Erasure's side of the database: the mails (and what came in or went out with them) that may carry a person's data,
 * and the replacement of a value, wherever text and JSON hold it, by a redaction marker. Matching is a
 * case-insensitive regular expression the caller built from the value (every character escaped).
 */
@Repository
public class ErasureStore {

    /** Text and JSON columns where a person's data may sit, as {@code table.column} with its type. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"partner", "channels", "jsonb"},
            new String[] {"partner", "sla", "jsonb"},
            new String[] {"partner", "policy", "jsonb"},
            new String[] {"partner", "checklists", "jsonb"},
            new String[] {"partner_version", "profile", "jsonb"},
            new String[] {"partner_published_version", "document", "jsonb"},
            new String[] {"timeline_entry", "summary", "text"},
            new String[] {"timeline_entry", "details", "jsonb"},
            new String[] {"timeline_entry", "folded", "jsonb"},
            new String[] {"task", "summary", "text"},
            new String[] {"task", "context", "jsonb"},
            new String[] {"task", "comment", "text"},
            new String[] {"event", "cloud_event", "jsonb"},
            new String[] {"event", "data", "jsonb"},
            new String[] {"message", "status_reason", "text"},
            new String[] {"message", "file_name", "text"},
            new String[] {"outbox", "target", "text"},
            new String[] {"outbox", "last_error", "text"},
            new String[] {"audit_entry", "actor", "text"},
            new String[] {"audit_entry", "before", "jsonb"},
            new String[] {"audit_entry", "after", "jsonb"},
            new String[] {"audit_entry", "reason", "text"});

    private final JdbcClient jdbc;

    public ErasureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Mails whose bytes are kept (in or out, and the documents and acknowledgements that came with them), processed
     * (never one still waiting to be read or sent), and under no legal hold.
     */
    public List<MessageId> mails() {
        return jdbc.sql(
                        """
                        select m.id from message m
                        where m.payload_removed_at is null and m.status not in ('RECEIVED', 'QUEUED')
                          and (m.channel = 'EMAIL' or m.related_message_id in (select id from message where channel = 'EMAIL'))
                          and not exists (select 1 from legal_hold h where h.lifted_at is null
                                            and h.subject = any (message_subjects(m)))
                          and not exists (select 1 from outbox o where o.message_id = m.id
                                            and o.status not in ('DELIVERED', 'FAILED'))
                        order by m.received_at""")
                .query((rs, n) -> MessageId.parse(rs.getString("id")))
                .list();
    }

    /** How many messages a legal hold keeps from the erasure (mails that may carry the data). */
    public long held() {
        return jdbc.sql(
                        """
                        select count(*) from message m
                        where m.payload_removed_at is null
                          and (m.channel = 'EMAIL' or m.related_message_id in (select id from message where channel = 'EMAIL'))
                          and exists (select 1 from legal_hold h where h.lifted_at is null
                                        and h.subject = any (message_subjects(m)))""")
                .query(Long.class)
                .single();
    }

    /** Replaces a message's bytes by the marker blob; the old blob goes to the garbage. */
    public void redactBytes(MessageId id, String markerKey, String rule, Instant now) {
        List<String> old = jdbc.sql(
                        "update message m set blob_key = :marker, content = null, payload_removed_at = :now,"
                                + " payload_removed_by = :rule from message was where m.id = :id and was.id = m.id"
                                + " returning coalesce(was.blob_key, '')")
                .param("id", id.value())
                .param("marker", markerKey)
                .param("now", timestamp(now))
                .param("rule", rule)
                .query(String.class)
                .list();
        old.stream().filter(k -> !k.isEmpty() && !k.equals(markerKey)).forEach(k -> jdbc.sql(
                        "insert into blob_garbage (blob_key, since) values (:key, :now)"
                                + " on conflict (blob_key) do nothing")
                .param("key", k)
                .param("now", timestamp(now))
                .update());
    }

    /** Per {@code table.column}, how many rows hold a match. */
    public Map<String, Long> count(String pattern) {
        var counts = new LinkedHashMap<String, Long>();
        for (String[] c : COLUMNS) {
            long n = jdbc.sql("select count(*) from " + c[0] + " where cast(" + c[1] + " as text) ~* :pattern")
                    .param("pattern", pattern)
                    .query(Long.class)
                    .single();
            if (n > 0) {
                counts.put(c[0] + "." + c[1], n);
            }
        }
        long packed = packedTimeline(pattern, null);
        if (packed > 0) {
            counts.merge("timeline_entry.folded", packed, Long::sum);
        }
        return counts;
    }

    /**
     * Replaces every match by {@code marker} in every column, in the caller's transaction (which may then change the
     * audit trail's data, not its facts); returns rows changed per {@code table.column}.
     */
    public Map<String, Long> redactText(String pattern, String marker) {
        jdbc.sql("select set_config('seamline.erasure', 'on', true)")
                .query((rs, n) -> 1)
                .list();
        var changed = new LinkedHashMap<String, Long>();
        for (String[] c : COLUMNS) {
            String replaced = "regexp_replace(cast(" + c[1] + " as text), :pattern, :marker, 'gi')";
            long n = jdbc.sql("update " + c[0] + " set " + c[1] + " = "
                            + (c[2].equals("jsonb") ? "cast(" + replaced + " as jsonb)" : replaced)
                            + " where cast(" + c[1] + " as text) ~* :pattern")
                    .param("pattern", pattern)
                    .param("marker", marker)
                    .update();
            if (n > 0) {
                changed.put(c[0] + "." + c[1], n);
            }
        }
        long packed = packedTimeline(pattern, marker);
        if (packed > 0) {
            changed.merge("timeline_entry.folded", packed, Long::sum);
        }
        jdbc.sql("select set_config('seamline.erasure', 'off', true)")
                .query((rs, n) -> 1)
                .list();
        return changed;
    }

    /** Timeline rows read at a time when searching the entries they keep packed. */
    private static final int PACKED_BATCH = 500;

    /**
     * How many timeline rows hold a match among the entries folded into them (V30 keeps those packed, out of SQL's
     * reach: they are read and unpacked here, a batch at a time); with a {@code marker}, each match is replaced by it
     * and the row packed again.
     */
    private long packedTimeline(String pattern, String marker) {
        Pattern match = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        long found = 0;
        long after = 0;
        while (true) {
            List<Packed> rows = jdbc.sql("select id, at, folded_packed from timeline_entry"
                            + " where folded_packed is not null and id > :after order by id limit :batch")
                    .param("after", after)
                    .param("batch", PACKED_BATCH)
                    .query((rs, n) -> new Packed(rs.getLong("id"), rs.getTimestamp("at"), rs.getBytes("folded_packed")))
                    .list();
            if (rows.isEmpty()) {
                return found;
            }
            for (Packed row : rows) {
                after = row.id();
                Matcher matcher = match.matcher(FoldedEntries.unpack(row.packed()));
                if (!matcher.find()) {
                    continue;
                }
                found++;
                if (marker != null) {
                    String redacted = matcher.replaceAll(Matcher.quoteReplacement(marker));
                    try {
                        Json.mapper().readTree(redacted); // still JSON, as the cast back to jsonb checks the others
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(
                                "the erasure would leave timeline row " + row.id() + "'s entries unreadable", e);
                    }
                    jdbc.sql("update timeline_entry set folded_packed = :packed where id = :id and at = :at")
                            .param("packed", FoldedEntries.pack(redacted))
                            .param("id", row.id())
                            .param("at", row.at())
                            .update();
                }
            }
        }
    }

    private record Packed(long id, java.sql.Timestamp at, byte[] packed) {}

    /** Identifiers that name the person's address (scheme EMAIL): removed, so no future mail is read as theirs. */
    public int removeAddress(String email, boolean dryRun) {
        String where = " where scheme = 'EMAIL' and lower(value) = lower(:email)";
        return dryRun
                ? jdbc.sql("select count(*) from partner_identifier" + where)
                        .param("email", email)
                        .query(Integer.class)
                        .single()
                : jdbc.sql("delete from partner_identifier" + where)
                        .param("email", email)
                        .update();
    }

    public void record(
            UUID id,
            String field,
            String valueSha256,
            String hint,
            String reason,
            String by,
            Instant at,
            String counts) {
        jdbc.sql("insert into erasure (id, field, value_sha256, hint, reason, requested_by, at, counts)"
                        + " values (:id, :field, :sha, :hint, :reason, :by, :at, cast(:counts as jsonb))")
                .param("id", id)
                .param("field", field)
                .param("sha", valueSha256)
                .param("hint", hint)
                .param("reason", reason)
                .param("by", by)
                .param("at", timestamp(at))
                .param("counts", counts)
                .update();
    }
}
