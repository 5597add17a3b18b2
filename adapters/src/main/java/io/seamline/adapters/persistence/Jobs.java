package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.mappings.json.Json;
import io.seamline.model.retention.BulkFilter;
import io.seamline.model.retention.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk jobs and what they select: messages by filter, failed deliveries by filter. */
@Repository
public class Jobs {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final MessageCompletions completions;

    public Jobs(JdbcClient jdbc, MessageCompletions completions) {
        this.jdbc = jdbc;
        this.completions = completions;
    }

    /**
     * Messages in {@code direction} the filter selects (oldest first, at most {@code limit}); with
     * {@code failedDeliveries}, the failed deliveries of those messages instead (their ids). Outbound, the documents
     * held by their deliveries (ERP write-backs: no message row, see {@link Outbox#hold}) are selected too, by what
     * stands for a message's columns: the ERP channel, the document's type, the delivery's status and time.
     */
    public List<UUID> select(BulkFilter filter, String direction, boolean failedDeliveries, int limit) {
        completions.flush();
        var params = new HashMap<String, Object>();
        params.put("direction", direction);
        params.put("limit", limit);
        String messages = where(filter, Source.MESSAGE, params);
        String held = where(filter, Source.HELD, params);
        boolean outbound = direction.equals("OUTBOUND");
        String sql;
        if (failedDeliveries) {
            // the failed ones are rows of outbox_open (V27)
            String failed = "select o.id, o.created_at as at from outbox_open p join outbox o on o.id = p.delivery_id";
            sql = failed + " join message m on m.id = o.message_id where p.status = 'FAILED' and " + messages
                    + (outbound
                            ? " union all " + failed + " where p.status = 'FAILED' and o.blob_key is not null and "
                                    + held
                            : "");
        } else {
            sql = "select m.id, m.received_at as at from message m where " + messages
                    + (outbound
                            ? " union all select o.message_id, min(o.created_at) from outbox_now o"
                                    + " where o.blob_key is not null and " + held + " group by o.message_id"
                            : "");
        }
        return jdbc.sql("select id from (" + sql + ") selected order by at, id limit :limit")
                .params(params)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    /**
     * What a filter reads, from a message row ({@code m}) or from a delivery holding its document ({@code o}): its
     * direction, partner, channel, document type, status and time, its control numbers and events (none for a held
     * document), and whether its bytes are kept.
     */
    private record Source(
            String direction,
            String partner,
            String channel,
            String documentType,
            String status,
            String at,
            String controls,
            String eventType,
            String kept) {

        static final Source MESSAGE = new Source(
                "m.direction",
                "m.partner_id",
                "m.channel",
                "m.document_type",
                MessageRows.STATUS,
                "m.received_at",
                "(m.interchange_control = any(cast(:controls as text[])) or m.group_controls && cast(:controls as text[]))",
                "exists (select 1 from event e where e.message_id = m.id and e.type like :eventType)",
                "m.payload_removed_at is null");
        static final Source HELD = new Source(
                "'OUTBOUND'",
                "o.partner_id",
                "'ERP'",
                "o.document_type",
                "case o.status when 'PENDING' then 'QUEUED' else o.status end",
                "o.created_at",
                "false",
                "false",
                "true");
    }

    private static String where(BulkFilter filter, Source source, Map<String, Object> params) {
        var where = new StringBuilder(source.direction() + " = :direction");
        if (filter.partnerId() != null) {
            where.append(" and ").append(source.partner()).append(" = :partner");
            params.put("partner", filter.partnerId());
        }
        if (filter.channel() != null) {
            where.append(" and ").append(source.channel()).append(" = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.documentType() != null) {
            where.append(" and (")
                    .append(source.documentType())
                    .append(" = :type or ")
                    .append(source.eventType())
                    .append(")");
            params.put("type", filter.documentType());
            params.put("eventType", "%." + filter.documentType() + ".%");
        }
        if (filter.status() != null) {
            where.append(" and ").append(source.status()).append(" = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and ").append(source.at()).append(" >= :from");
            params.put("from", timestamp(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and ").append(source.at()).append(" < :to");
            params.put("to", timestamp(filter.to()));
        }
        if (!filter.controlNumbers().isEmpty()) {
            where.append(" and ").append(source.controls());
            params.put("controls", filter.controlNumbers().toArray(String[]::new));
        }
        return where.append(" and ").append(source.kept()).toString();
    }

    public Job start(
            Job.Kind kind, Map<String, Object> filter, Map<String, Object> options, int total, String by, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into job (id, kind, filter, options, status, total, started_by, started_at) values"
                        + " (:id, :kind, cast(:filter as jsonb), cast(:options as jsonb), 'RUNNING', :total, :by, :at)")
                .param("id", id)
                .param("kind", kind.name())
                .param("filter", Json.write(filter))
                .param("options", Json.write(options))
                .param("total", total)
                .param("by", by)
                .param("at", timestamp(at))
                .update();
        return find(id).orElseThrow();
    }

    /** Counts one item done (or failed, with why: the first 20 reasons are kept). */
    public void progress(UUID id, boolean ok, String error) {
        jdbc.sql("update job set done = done + 1, failed = failed + :failed,"
                        + " errors = case when :error::text is null or jsonb_array_length(errors) >= 20 then errors"
                        + " else errors || to_jsonb(:error::text) end where id = :id")
                .param("id", id)
                .param("failed", ok ? 0 : 1)
                .param("error", error)
                .update();
    }

    public void finish(UUID id, Job.Status status, Instant at) {
        jdbc.sql("update job set status = :status, finished_at = :at where id = :id and status = 'RUNNING'")
                .param("id", id)
                .param("status", status.name())
                .param("at", timestamp(at))
                .update();
    }

    public boolean requestCancel(UUID id) {
        return jdbc.sql("update job set cancel_requested = true where id = :id and status = 'RUNNING'")
                        .param("id", id)
                        .update()
                > 0;
    }

    public boolean cancelRequested(UUID id) {
        return jdbc.sql("select cancel_requested from job where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    public Optional<Job> find(UUID id) {
        return jdbc.sql("select * from job where id = :id")
                .param("id", id)
                .query((rs, n) -> job(rs))
                .optional();
    }

    public List<Job> recent(int limit) {
        return jdbc.sql("select * from job order by started_at desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> job(rs))
                .list();
    }

    private static Job job(ResultSet rs) throws SQLException {
        try {
            return new Job(
                    rs.getObject("id", UUID.class),
                    Job.Kind.valueOf(rs.getString("kind")),
                    Json.mapper().readValue(rs.getString("filter"), MAP),
                    Json.mapper().readValue(rs.getString("options"), MAP),
                    Job.Status.valueOf(rs.getString("status")),
                    rs.getInt("total"),
                    rs.getInt("done"),
                    rs.getInt("failed"),
                    Json.mapper().readValue(rs.getString("errors"), LIST),
                    rs.getString("started_by"),
                    Columns.instant(rs, "started_at"),
                    Columns.instant(rs, "finished_at"),
                    rs.getBoolean("cancel_requested"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
