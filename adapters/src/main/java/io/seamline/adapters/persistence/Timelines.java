package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seamline.mappings.json.Json;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Execution memory: every step taken about a subject, oldest first.
 *
 * <p>What one transaction records of one message on one subject — that it came, its events, what they matched, the
 * acknowledgement sent for it and the write-back it queued — is kept as one row: the first entry in the columns, the others in
 * {@code folded_packed} (compressed JSON: {@link PackedJson}; rows written before V30 have them in {@code folded}), and so are the other steps appended as part of a message's receipt (decisions inside the agreed
 * tolerances). A 214 with five statuses leaves one row on its shipment, not eleven; reads give every entry back as it
 * was appended. Decisions for a person, tasks and human actions stay a row each.
 */
@Repository
public class Timelines {

    /** Rows in one insert at most (ten parameters each, far below PostgreSQL's limit per statement). */
    private static final int ROWS_PER_INSERT = 500;

    /** The kinds that record what a message did, folded into one row per message and subject. */
    private static final Set<TimelineKind> RECEIPT = EnumSet.of(
            TimelineKind.MESSAGE,
            TimelineKind.EVENT,
            TimelineKind.CORRELATION,
            TimelineKind.RESPONSE,
            TimelineKind.ERP_WRITEBACK,
            TimelineKind.DELIVERY);

    private final JdbcClient jdbc;
    private final WriteBehind<Keyed> pending = new WriteBehind<>(this::insert);

    public Timelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry (its {@code id} is ignored). With a {@code stepKey}, an entry already recorded under the same
     * key is not recorded again, so a reprocessed step leaves one entry. Inside a transaction the entries are written
     * together just before it commits, in the order appended.
     */
    public void append(TimelineEntry entry, String stepKey) {
        append(entry, stepKey, null);
    }

    /**
     * The same, for a step of a message's receipt ({@code receiptOf}): the acknowledgement sent for a partner's
     * interchange, the ERP write-back it caused, a decision inside the agreed tolerances. Its entry is folded with that
     * message's, while keeping its own kind and message.
     */
    public void append(TimelineEntry entry, String stepKey, MessageId receiptOf) {
        pending.add(new Keyed(entry, stepKey, receiptOf));
    }

    private void insert(List<Keyed> all) {
        // a step appended twice before its transaction commits is one row, the first
        var steps = new HashSet<String>();
        List<Row> rows = fold(all.stream()
                .filter(keyed -> keyed.stepKey() == null || steps.add(keyed.stepKey()))
                .toList());
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            var params = new ArrayList<Object>(chunk.size() * 10);
            StepLocks.lock(
                    jdbc,
                    chunk.stream()
                            .map(row -> Columns.step(row.first().stepKey()))
                            .toList());
            for (Row row : chunk) {
                TimelineEntry entry = row.first().entry();
                params.add(entry.subject().toString());
                params.add(timestamp(entry.at()));
                params.add(entry.kind().name());
                params.add(entry.summary());
                params.add(entry.actor());
                params.add(Columns.json(entry.details()));
                params.add(entry.partnerVisible());
                params.add(entry.messageId() == null ? null : entry.messageId().value());
                params.add(Columns.step(row.first().stepKey()));
                params.add(
                        row.folded().isEmpty()
                                ? null
                                : PackedJson.TIMELINE.pack(Columns.json(folded(entry, row.folded()))));
                params.add(row.folded().isEmpty() ? null : row.folded().size());
            }
            jdbc.sql(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)) + RECORDED_ONCE)
                    .params(params)
                    .update();
        }
    }

    /**
     * One row per entry, except the receipt of one message on one subject (its receipt kinds and the steps appended
     * as part of it): one row for them all, under the
     * first one's step key. A reprocessed message takes the same steps on the same subject, so the first key alone
     * says whether the row is recorded already.
     */
    private static List<Row> fold(List<Keyed> entries) {
        var rows = new ArrayList<Row>();
        var receipts = new LinkedHashMap<List<Object>, Row>();
        for (Keyed keyed : entries) {
            TimelineEntry entry = keyed.entry();
            if (keyed.receiptOf() == null && (entry.messageId() == null || !RECEIPT.contains(entry.kind()))) {
                rows.add(new Row(keyed, new ArrayList<>()));
                continue;
            }
            Row row = receipts.get(List.of(entry.subject(), keyed.receipt()));
            if (row == null) {
                row = new Row(keyed, new ArrayList<>());
                receipts.put(List.of(entry.subject(), keyed.receipt()), row);
                rows.add(row);
            } else {
                row.folded().add(entry);
            }
        }
        return rows;
    }

    /**
     * The folded entries as the row keeps them: the time as microseconds after the row's, the message where it is not
     * the row's.
     */
    private static List<Map<String, Object>> folded(TimelineEntry first, List<TimelineEntry> entries) {
        Instant at = first.at();
        var all = new ArrayList<Map<String, Object>>(entries.size());
        for (TimelineEntry entry : entries) {
            var one = new LinkedHashMap<String, Object>();
            one.put("kind", entry.kind().name());
            one.put("summary", entry.summary());
            one.put("actor", entry.actor());
            if (!entry.details().isEmpty()) {
                one.put("details", entry.details());
            }
            one.put("visible", entry.partnerVisible());
            if (!entry.messageId().equals(first.messageId())) {
                one.put("message", entry.messageId().toString());
            }
            long micros = Duration.between(at, entry.at()).toNanos() / 1_000;
            if (micros != 0) {
                one.put("after", micros);
            }
            all.add(one);
        }
        return all;
    }

    private static final String INSERT = "insert into timeline_entry (subject, at, kind, summary, actor, details,"
            + " partner_visible, message_id, step_key, folded_packed, folded_entries) select * from (values ";
    private static final String ROW = "(cast(? as text), cast(? as timestamptz), cast(? as text), cast(? as text),"
            + " cast(? as text), cast(? as jsonb), cast(? as boolean), cast(? as uuid), cast(? as uuid),"
            + " cast(? as bytea), cast(? as smallint))";
    /** A step recorded already is not recorded again (its key locked first: see StepLocks). */
    private static final String RECORDED_ONCE = ") as v (subject, at, kind, summary, actor, details, partner_visible,"
            + " message_id, step_key, folded_packed, folded_entries) where v.step_key is null"
            + " or not exists (select 1 from timeline_entry t where t.step_key = v.step_key)";

    private record Keyed(TimelineEntry entry, String stepKey, MessageId receiptOf) {

        MessageId receipt() {
            return receiptOf != null ? receiptOf : entry.messageId();
        }
    }

    private record Row(Keyed first, List<TimelineEntry> folded) {}

    /** The subject's timeline; partners see only the entries marked partner-visible. */
    public List<TimelineEntry> of(Subject subject, boolean partnerView) {
        pending.flush();
        // the deliveries made about the subject, and for a message, those of it that name no subject of their own
        UUID message = Subject.MESSAGE.equals(subject.kind())
                ? MessageId.tryParse(subject.key()).map(MessageId::value).orElse(null)
                : null;
        var query = jdbc.sql("select " + COLUMNS + " from timeline_entry where subject = :subject"
                        + (partnerView ? " and (partner_visible or " + FOLDS + ")" : "")
                        + " union all " + DELIVERED + " and (o.subject = :subject"
                        + (message == null ? "" : " or (o.subject is null and o.message_id = :message)")
                        + ") order by at, id")
                .param("subject", subject.toString());
        return entries(message == null ? query : query.param("message", message), partnerView);
    }

    /** What a message led to, on every subject it touched, oldest first; partners see the partner-visible entries. */
    public List<TimelineEntry> ofMessage(MessageId message, boolean partnerView) {
        pending.flush();
        return entries(
                        // its own rows, and the rows of the message it answers, which its entries are folded in; its
                        // deliveries, and those of the documents it caused that hold their document
                        jdbc.sql("select " + COLUMNS + " from timeline_entry where message_id in (select :message"
                                        + " union all select related_message_id from message where id = :message)"
                                        + (partnerView ? " and (partner_visible or " + FOLDS + ")" : "")
                                        + " union all " + DELIVERED + " and o.message_id = :message"
                                        + " union all " + DELIVERED + " and o.cause_message_id = :message"
                                        + " and o.blob_key is not null order by at, id")
                                .param("message", message.value()),
                        partnerView)
                .stream()
                .filter(entry -> message.equals(entry.messageId()))
                .toList();
    }

    /** The columns a timeline row is read by. */
    private static final String COLUMNS =
            "id, subject, at, kind, summary, actor, details, partner_visible, message_id, folded_packed, folded";

    /**
     * A delivery that went through, as the timeline entry it is (V34): its outbox row records it (when, how many
     * attempts, by which channel to which address), so no timeline row repeats it. An ERP write-back held by its
     * delivery ({@code blob_key}), or archived as a message on the ERP channel before V26, is an {@code ERP_WRITEBACK}
     * entry under the message that caused it, for us only; any other is a {@code DELIVERY} under the message delivered,
     * partner-visible. Its summary names the document as the row once did: its type and interchange control number.
     */
    private static final String DELIVERED =
            """
            select 0 as id,
                coalesce(o.subject, 'message/' || o.message_id) as subject,
                o.delivered_at as at,
                case when o.blob_key is not null or m.channel = 'ERP' then 'ERP_WRITEBACK' else 'DELIVERY' end as kind,
                case when o.blob_key is not null or m.channel = 'ERP' then 'ERP write-back ' else '' end
                    || coalesce(o.document_type, m.document_type, 'message')
                    || coalesce(' ' || m.interchange_control, '') || ' delivered' as summary,
                'system' as actor,
                jsonb_build_object('attempt', o.attempts,
                    case when o.blob_key is not null then 'documentId' else 'messageId' end, o.message_id,
                    'channel', o.channel, 'target', o.target) as details,
                o.blob_key is null and m.channel is distinct from 'ERP' as partner_visible,
                case when o.blob_key is not null then o.cause_message_id else o.message_id end as message_id,
                null::bytea as folded_packed,
                null::jsonb as folded
            from outbox_now o left join message m on m.id = o.message_id and o.blob_key is null
            where o.status = 'DELIVERED'
            """;

    private static List<TimelineEntry> entries(JdbcClient.StatementSpec query, boolean partnerView) {
        var entries = new ArrayList<TimelineEntry>();
        query.query(rs -> {
            TimelineEntry first = entry(rs);
            entries.add(first);
            for (Map<String, Object> one : folded(rs)) {
                entries.add(unfolded(first, one));
            }
        });
        // a folded entry goes back to its own time among the rows (the sort is stable: equal times keep row order)
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return partnerView
                ? entries.stream().filter(TimelineEntry::partnerVisible).toList()
                : entries;
    }

    /** A row that holds folded entries: packed (V30), or as JSON when written before. */
    private static final String FOLDS = "(folded_entries is not null or folded is not null)";

    /** The entries folded into a row. */
    private static List<Map<String, Object>> folded(java.sql.ResultSet rs) throws java.sql.SQLException {
        byte[] packed = rs.getBytes("folded_packed");
        if (packed == null) {
            return Objects.requireNonNullElse(Columns.json(rs, "folded", Columns.OBJECTS), List.of());
        }
        try {
            return Json.mapper().readValue(PackedJson.TIMELINE.unpack(packed), Columns.OBJECTS);
        } catch (JsonProcessingException e) {
            throw new java.sql.SQLException("timeline row " + rs.getLong("id") + " holds unreadable folded entries", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TimelineEntry unfolded(TimelineEntry row, Map<String, Object> one) {
        Object after = one.get("after");
        return new TimelineEntry(
                row.id(),
                row.subject(),
                after == null ? row.at() : row.at().plusNanos(((Number) after).longValue() * 1_000),
                TimelineKind.valueOf((String) one.get("kind")),
                (String) one.get("summary"),
                (String) one.get("actor"),
                (Map<String, Object>) Objects.requireNonNullElse(one.get("details"), Map.of()),
                Boolean.TRUE.equals(one.get("visible")),
                one.get("message") == null ? row.messageId() : MessageId.parse((String) one.get("message")));
    }

    private static TimelineEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String message = rs.getString("message_id");
        return new TimelineEntry(
                rs.getLong("id"),
                Subject.parse(rs.getString("subject")),
                instant(rs, "at"),
                TimelineKind.valueOf(rs.getString("kind")),
                rs.getString("summary"),
                rs.getString("actor"),
                Columns.json(rs, "details", Columns.OBJECT),
                rs.getBoolean("partner_visible"),
                message == null ? null : MessageId.parse(message));
    }
}
