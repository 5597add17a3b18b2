package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.sla.Alert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA alerts waiting to be sent, and those sent: once per expectation, kind and target. */
@Repository
public class Alerts {

    private final JdbcClient jdbc;

    public Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues an alert; false when the same alert (expectation, kind, channel, target) exists already. */
    public boolean raise(Alert alert) {
        return jdbc.sql(
                                """
                                insert into sla_alert (id, expectation_id, kind, channel, target, status, attempts,
                                    next_attempt_at, media_type, content, created_at)
                                values (:id, :expectation, :kind, :channel, :target, 'PENDING', 0, :created,
                                    :mediaType, :content, :created)
                                on conflict (expectation_id, kind, channel, target) do nothing
                                """)
                        .param("id", alert.id())
                        .param("expectation", alert.expectationId())
                        .param("kind", alert.kind().name())
                        .param("channel", alert.channel().name())
                        .param("target", alert.target())
                        .param("mediaType", alert.mediaType())
                        .param("content", alert.content())
                        .param("created", timestamp(alert.createdAt()))
                        .update()
                > 0;
    }

    /** Locks up to {@code limit} pending alerts that are due; other nodes skip them. */
    public List<Alert> claimDue(Instant now, int limit) {
        return jdbc.sql("select * from sla_alert where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at, id limit :limit for update skip locked")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> alert(rs))
                .list();
    }

    public void sent(UUID id, Instant at) {
        jdbc.sql("update sla_alert set status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = null"
                        + " where id = :id")
                .param("id", id)
                .param("at", timestamp(at))
                .update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or FAILED for good when that is null. */
    public void attemptFailed(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("update sla_alert set attempts = attempts + 1, last_error = :error,"
                        + " next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at),"
                        + " status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end"
                        + " where id = :id")
                .param("id", id)
                .param("error", error)
                .param("next", timestamp(nextAttempt))
                .update();
    }

    /** The alerts about an expectation, oldest first. */
    public List<Alert> of(UUID expectationId) {
        return jdbc.sql("select * from sla_alert where expectation_id = :id order by created_at, kind, target")
                .param("id", expectationId)
                .query((rs, n) -> alert(rs))
                .list();
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getObject("id", UUID.class),
                rs.getObject("expectation_id", UUID.class),
                Alert.Kind.valueOf(rs.getString("kind")),
                Alert.Channel.valueOf(rs.getString("channel")),
                rs.getString("target"),
                Alert.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("media_type"),
                rs.getBytes("content"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                rs.getString("last_error"));
    }
}
