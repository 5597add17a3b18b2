package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.enumValue;
import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Page;
import io.seamline.model.Subject;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Human work items and their decisions. */
@Repository
public class Tasks {

    private final JdbcClient jdbc;

    public Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a task; with a {@code stepKey}, a task already opened under that key is not opened again. */
    public boolean open(Task task, String stepKey) {
        return jdbc.sql(
                                """
                                insert into task (id, kind, subject, partner_id, status, summary, context,
                                    suggestions, created_at, due_at, step_key)
                                values (:id, :kind, :subject, :partner, :status, :summary, cast(:context as jsonb),
                                    cast(:suggestions as jsonb), :created, :due, :stepKey)
                                on conflict (step_key) do nothing
                                """)
                        .param("id", task.id().value())
                        .param("kind", task.kind().name())
                        .param("subject", task.subject().toString())
                        .param(
                                "partner",
                                task.partnerId() == null
                                        ? null
                                        : task.partnerId().value())
                        .param("status", task.status().name())
                        .param("summary", task.summary())
                        .param("context", Columns.json(task.context()))
                        .param("suggestions", Columns.json(task.suggestions()))
                        .param("created", timestamp(task.createdAt()))
                        .param("due", timestamp(task.dueAt()))
                        .param("stepKey", stepKey)
                        .update()
                > 0;
    }

    public Optional<Task> find(TaskId id) {
        return jdbc.sql("select * from task where id = :id")
                .param("id", id.value())
                .query((rs, n) -> task(rs))
                .optional();
    }

    public Page<Task> list(TaskQuery query) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" where true");
        if (query.status() != null) {
            where.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.partnerId() != null) {
            where.append(" and partner_id = :partner");
            params.put("partner", query.partnerId().value());
        }
        if (query.subject() != null) {
            where.append(" and subject = :subject");
            params.put("subject", query.subject());
        }
        long total = jdbc.sql("select count(*) from task" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.window().limit());
        params.put("offset", query.window().offset());
        List<Task> items = jdbc.sql(
                        "select * from task" + where + " order by created_at, id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> task(rs))
                .list();
        return new Page<>(items, total, query.window().limit(), query.window().offset());
    }

    /** Records a person's decision on an OPEN task; false when it was no longer open. */
    public boolean decide(TaskId id, Decision decision, String decidedBy, String comment, Instant at) {
        return jdbc.sql(
                                """
                                update task set status = 'DECIDED', decision = :decision, decided_by = :by,
                                    comment = :comment, decided_at = :at
                                where id = :id and status = 'OPEN'
                                """)
                        .param("id", id.value())
                        .param("decision", decision.name())
                        .param("by", decidedBy)
                        .param("comment", comment)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    /** Closes an OPEN task without a decision (RESOLVED or CANCELLED), with the reason as its comment. */
    public boolean close(TaskId id, TaskStatus status, String reason, Instant at) {
        if (status != TaskStatus.RESOLVED && status != TaskStatus.CANCELLED) {
            throw new IllegalArgumentException("a task closes as RESOLVED or CANCELLED, not " + status);
        }
        return jdbc.sql(
                                """
                                update task set status = :status, comment = :reason, decided_by = 'system',
                                    decided_at = :at
                                where id = :id and status = 'OPEN'
                                """)
                        .param("id", id.value())
                        .param("status", status.name())
                        .param("reason", reason)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    private static Task task(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new Task(
                TaskId.parse(rs.getString("id")),
                TaskKind.valueOf(rs.getString("kind")),
                Subject.parse(rs.getString("subject")),
                partner == null ? null : PartnerId.of(partner),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getString("summary"),
                Columns.json(rs, "context", Columns.OBJECT),
                Columns.json(rs, "suggestions", Columns.OBJECTS),
                instant(rs, "created_at"),
                instant(rs, "due_at"),
                enumValue(rs, "decision", Decision.class),
                rs.getString("decided_by"),
                rs.getString("comment"),
                instant(rs, "decided_at"));
    }
}
