package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Execution memory: every step taken about a subject, oldest first. */
@Repository
public class Timelines {

    /** Rows in one insert at most (nine parameters each, far below PostgreSQL's limit per statement). */
    private static final int ROWS_PER_INSERT = 500;

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
        pending.add(new Keyed(entry, stepKey));
    }

    private void insert(List<Keyed> all) {
        // a step appended twice before its transaction commits is one row, the first
        var steps = new HashSet<String>();
        List<Keyed> entries = all.stream()
                .filter(keyed -> keyed.stepKey() == null || steps.add(keyed.stepKey()))
                .toList();
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            List<Keyed> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
            var params = new ArrayList<Object>(chunk.size() * 9);
            for (Keyed keyed : chunk) {
                TimelineEntry entry = keyed.entry();
                params.add(entry.subject().toString());
                params.add(timestamp(entry.at()));
                params.add(entry.kind().name());
                params.add(entry.summary());
                params.add(entry.actor());
                params.add(Columns.json(entry.details()));
                params.add(entry.partnerVisible());
                params.add(entry.messageId() == null ? null : entry.messageId().value());
                params.add(keyed.stepKey());
            }
            jdbc.sql(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW))
                            + " on conflict (step_key) do nothing")
                    .params(params)
                    .update();
        }
    }

    private static final String INSERT = "insert into timeline_entry (subject, at, kind, summary, actor, details,"
            + " partner_visible, message_id, step_key) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)";

    private record Keyed(TimelineEntry entry, String stepKey) {}

    /** The subject's timeline; partners see only the entries marked partner-visible. */
    public List<TimelineEntry> of(Subject subject, boolean partnerView) {
        pending.flush();
        return jdbc.sql("select * from timeline_entry where subject = :subject"
                        + (partnerView ? " and partner_visible" : "") + " order by at, id")
                .param("subject", subject.toString())
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** What a message led to, on every subject it touched, oldest first; partners see the partner-visible entries. */
    public List<TimelineEntry> ofMessage(MessageId message, boolean partnerView) {
        pending.flush();
        return jdbc.sql("select * from timeline_entry where message_id = :message"
                        + (partnerView ? " and partner_visible" : "") + " order by at, id")
                .param("message", message.value())
                .query((rs, n) -> entry(rs))
                .list();
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
