package io.seamline.adapters.persistence;

import io.seamline.mappings.json.Json;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.replay.ReplayRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Replays and their reports: requested, running with progress, done, cancelled or failed. */
@Repository
public class ReplayRuns {

    private final JdbcClient jdbc;

    public ReplayRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void start(
            UUID id,
            String requestedBy,
            String scope,
            PartnerId partner,
            Instant from,
            Instant to,
            Object draft,
            int documents,
            Instant at) {
        jdbc.sql(
                        """
                        insert into replay (id, requested_by, scope, partner_id, period_from, period_to, draft, status,
                            documents, created_at, updated_at)
                        values (:id, :by, :scope, :partner, :from, :to, cast(:draft as jsonb), 'RUNNING', :documents,
                            :at, :at)
                        """)
                .param("id", id)
                .param("by", requestedBy)
                .param("scope", scope)
                .param("partner", partner == null ? null : partner.value())
                .param("from", Columns.timestamp(from))
                .param("to", Columns.timestamp(to))
                .param("draft", Json.write(draft))
                .param("documents", documents)
                .param("at", Columns.timestamp(at))
                .update();
    }

    /** Progress of a running replay; false when it is no longer running (cancelled meanwhile). */
    public boolean progress(UUID id, int processed, Instant at) {
        return jdbc.sql("update replay set processed = :processed, updated_at = :at where id = :id"
                                + " and status = 'RUNNING'")
                        .param("id", id)
                        .param("processed", processed)
                        .param("at", Columns.timestamp(at))
                        .update()
                == 1;
    }

    /** Ends a running replay: DONE with its report, or FAILED with why; a cancelled one stays cancelled. */
    public void finish(UUID id, String status, int processed, Object report, String error, Instant at) {
        jdbc.sql(
                        """
                        update replay set status = :status, processed = :processed, report = cast(:report as jsonb),
                            error = :error, updated_at = :at, finished_at = :at
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", id)
                .param("status", status)
                .param("processed", processed)
                .param("report", report == null ? null : Json.write(report))
                .param("error", error)
                .param("at", Columns.timestamp(at))
                .update();
    }

    /** Cancels a running replay; false when it was not running. */
    public boolean cancel(UUID id, Instant at) {
        return jdbc.sql("update replay set status = 'CANCELLED', updated_at = :at, finished_at = :at where id = :id"
                                + " and status = 'RUNNING'")
                        .param("id", id)
                        .param("at", Columns.timestamp(at))
                        .update()
                == 1;
    }

    public Optional<ReplayRun> find(UUID id) {
        return jdbc.sql("select id, requested_by, scope, partner_id, period_from, period_to, cast(draft as text) as"
                        + " draft, status, documents, processed, cast(report as text) as report, error, created_at,"
                        + " updated_at, finished_at from replay where id = :id")
                .param("id", id)
                .query((rs, n) -> run(rs))
                .optional();
    }

    public List<ReplayRun> recent(int limit) {
        return jdbc.sql("select id, requested_by, scope, partner_id, period_from, period_to, cast(draft as text) as"
                        + " draft, status, documents, processed, cast(report as text) as report, error, created_at,"
                        + " updated_at, finished_at from replay order by created_at desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> run(rs))
                .list();
    }

    /**
     * The archived inbound documents a replay runs over: production messages (not tests) of the partner (every
     * partner when null) received in the period, read to the end (processed or rejected), EDI or JSON, oldest first.
     */
    public List<MessageId> documents(PartnerId partner, Instant from, Instant to, int limit) {
        return jdbc.sql(
                        """
                        select id from message
                        where direction = 'INBOUND' and not test and status in ('PROCESSED', 'REJECTED')
                          and format in ('X12', 'EDIFACT', 'JSON') and partner_id is not null
                          and (cast(:partner as text) is null or partner_id = :partner)
                          and received_at >= :from and received_at < :to
                        order by received_at, id limit :limit
                        """)
                .param("partner", partner == null ? null : partner.value())
                .param("from", Columns.timestamp(from))
                .param("to", Columns.timestamp(to))
                .param("limit", limit)
                .query((rs, n) -> new MessageId(rs.getObject("id", UUID.class)))
                .list();
    }

    /** An SLA expectation as it went: when it opened, was due and closed (null while open). */
    public record Expectation(String kind, Instant openedAt, Instant dueAt, Instant closedAt) {}

    /** The partner's SLA expectations opened in the period, for an SLA profile's what-if. */
    public List<Expectation> expectations(PartnerId partner, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select kind, opened_at, due_at, closed_at from sla_expectation
                        where partner_id = :partner and opened_at >= :from and opened_at < :to
                        order by opened_at
                        """)
                .param("partner", partner.value())
                .param("from", Columns.timestamp(from))
                .param("to", Columns.timestamp(to))
                .query((rs, n) -> new Expectation(
                        rs.getString("kind"),
                        Columns.instant(rs, "opened_at"),
                        Columns.instant(rs, "due_at"),
                        Columns.instant(rs, "closed_at")))
                .list();
    }

    private static ReplayRun run(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new ReplayRun(
                rs.getObject("id", UUID.class),
                rs.getString("requested_by"),
                rs.getString("scope"),
                partner == null ? null : PartnerId.of(partner),
                Columns.instant(rs, "period_from"),
                Columns.instant(rs, "period_to"),
                rs.getString("draft"),
                rs.getString("status"),
                rs.getInt("documents"),
                rs.getInt("processed"),
                rs.getString("report"),
                rs.getString("error"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.instant(rs, "finished_at"));
    }
}
