package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Execution memory: every step taken about a subject, oldest first. */
@Repository
public class Timelines {

    private final JdbcClient jdbc;

    public Timelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry (its {@code id} is ignored). With a {@code stepKey}, an entry already recorded under the same
     * key is not recorded again, so a reprocessed step leaves one entry; returns whether it was recorded.
     */
    public boolean append(TimelineEntry entry, String stepKey) {
        return jdbc.sql(
                                """
                                insert into timeline_entry (subject, at, kind, summary, actor, details,
                                    partner_visible, message_id, step_key)
                                values (:subject, :at, :kind, :summary, :actor, cast(:details as jsonb),
                                    :visible, :message, :stepKey)
                                on conflict (step_key) do nothing
                                """)
                        .param("subject", entry.subject().toString())
                        .param("at", timestamp(entry.at()))
                        .param("kind", entry.kind().name())
                        .param("summary", entry.summary())
                        .param("actor", entry.actor())
                        .param("details", Columns.json(entry.details()))
                        .param("visible", entry.partnerVisible())
                        .param(
                                "message",
                                entry.messageId() == null
                                        ? null
                                        : entry.messageId().value())
                        .param("stepKey", stepKey)
                        .update()
                > 0;
    }

    /** The subject's timeline; partners see only the entries marked partner-visible. */
    public List<TimelineEntry> of(Subject subject, boolean partnerView) {
        return jdbc.sql("select * from timeline_entry where subject = :subject"
                        + (partnerView ? " and partner_visible" : "") + " order by at, id")
                .param("subject", subject.toString())
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** What a message led to, on every subject it touched, oldest first; partners see the partner-visible entries. */
    public List<TimelineEntry> ofMessage(MessageId message, boolean partnerView) {
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
