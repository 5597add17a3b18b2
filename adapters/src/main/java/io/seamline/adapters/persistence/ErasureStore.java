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

    /**
     * A case-insensitive regular expression, PostgreSQL's and Java's alike, matching a person's e-mail address or name
     * where it stands whole: not inside a longer word ("Ann" is neither the start of "Annual" nor inside "planned") nor
     * inside a longer address ({@code bob@x.example} is not the end of {@code jim.bob@x.example} nor the start of
     * {@code bob@x.example.org}), and never a JSON object's key, so the structure stays readable. A name that is also
     * a word matches that word wherever it stands alone. A JSON escape before it ({@code \n}, {@code \t}) is a
     * boundary: a signature on the line after a greeting is {@code \nErin Vale} in a JSON text. Every character but
     * letters and digits is escaped.
     */
    public static String pattern(String field, String value) {
        boolean email = "email".equals(field);
        var escaped = new StringBuilder();
        for (char c : value.strip().toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                escaped.append(c);
            } else if (Character.isWhitespace(c)) {
                escaped.append("\\s+");
            } else {
                escaped.append('\\').append(c);
            }
        }
        String before = "(?:(?<!" + (email ? "[\\w.+-]" : "\\w") + ")|(?<=\\\\[nrtbf]))";
        String after = "(?!" + (email ? "[\\w-]|\\.\\w" : "\\w") + "|\"\\s*:)";
        return before + escaped + after;
    }

    /** The {@link #pattern} for Java, with letters and digits as PostgreSQL's UTF-8 locale has them. */
    public static Pattern matcher(String pattern) {
        return Pattern.compile(
                pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

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
                        where m.payload_removed_at is null and %s not in ('RECEIVED', 'QUEUED')
                          and (m.channel = 'EMAIL' or m.related_message_id in (select id from message where channel = 'EMAIL'))
                          and not exists (select 1 from legal_hold h where h.lifted_at is null
                                            and h.subject = any (message_subjects(m)))
                          and not exists (select 1 from outbox_now o where o.message_id = m.id
                                            and o.status not in ('DELIVERED', 'FAILED'))
                        order by m.received_at"""
                                .formatted(MessageRows.STATUS))
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
        packed(pattern, null).forEach((column, n) -> counts.merge(column, n, Long::sum));
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
        packed(pattern, marker).forEach((column, n) -> changed.merge(column, n, Long::sum));
        jdbc.sql("select set_config('seamline.erasure', 'off', true)")
                .query((rs, n) -> 1)
                .list();
        return changed;
    }

    /** Rows read at a time when searching JSON kept packed. */
    private static final int PACKED_BATCH = 500;

    /**
     * A column of JSON kept packed ({@link PackedJson}), out of SQL's reach: its table, the name the counts give it
     * (the {@code jsonb} column older rows keep it in), its codec, and the row's key and partition columns.
     */
    private record PackedColumn(
            String table,
            String column,
            String counted,
            PackedJson codec,
            String key,
            Object first,
            String partition) {}

    private static final List<PackedColumn> PACKED = List.of(
            new PackedColumn(
                    "timeline_entry", "folded_packed", "timeline_entry.folded", PackedJson.TIMELINE, "id", 0L, "at"),
            new PackedColumn("event", "data_packed", "event.data", PackedJson.EVENTS, "id", new UUID(0, 0), "time"));

    /** Per column of packed JSON (named as its {@code jsonb} column), how many rows hold a match; with a marker, redacts. */
    private Map<String, Long> packed(String pattern, String marker) {
        Pattern match = matcher(pattern);
        var counts = new LinkedHashMap<String, Long>();
        for (PackedColumn column : PACKED) {
            long n = packed(column, match, marker);
            if (n > 0) {
                counts.put(column.counted(), n);
            }
        }
        return counts;
    }

    /**
     * How many rows hold a match in one column of packed JSON: read and unpacked here, a batch at a time in key order;
     * with a {@code marker}, each match is replaced by it and the value packed again.
     */
    private long packed(PackedColumn column, Pattern match, String marker) {
        long found = 0;
        Object after = column.first();
        while (true) {
            List<Packed> rows = jdbc.sql("select %1$s, %2$s, %3$s from %4$s where %3$s is not null and %1$s > :after"
                                    .formatted(column.key(), column.partition(), column.column(), column.table())
                            + " order by " + column.key() + " limit :batch")
                    .param("after", after)
                    .param("batch", PACKED_BATCH)
                    .query((rs, n) -> new Packed(rs.getObject(1), rs.getTimestamp(2), rs.getBytes(3)))
                    .list();
            if (rows.isEmpty()) {
                return found;
            }
            for (Packed row : rows) {
                after = row.key();
                Matcher matcher = match.matcher(column.codec().unpack(row.packed()));
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
                                "the erasure would leave " + column.table() + " " + row.key() + " unreadable", e);
                    }
                    jdbc.sql("update %s set %s = :packed where %s = :key and %s = :at"
                                    .formatted(column.table(), column.column(), column.key(), column.partition()))
                            .param("packed", column.codec().pack(redacted))
                            .param("key", row.key())
                            .param("at", row.at())
                            .update();
                }
            }
        }
    }

    private record Packed(Object key, java.sql.Timestamp at, byte[] packed) {}

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
