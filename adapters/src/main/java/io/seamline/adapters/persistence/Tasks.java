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
import java.util.UUID;
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
        return open(task, stepKey, null);
    }

    /**
     * Opens a task that the canonical event {@code eventId} led to (its workflow waits for the task); with a
     * {@code stepKey}, a task already opened under that key is not opened again.
     */
    public boolean open(Task task, String stepKey, UUID eventId) {
        return jdbc.sql(
                                """
                                insert into task (id, kind, subject, partner_id, status, summary, context,
                                    suggestions, created_at, due_at, step_key, event_id)
                                values (:id, :kind, :subject, :partner, :status, :summary, cast(:context as jsonb),
                                    cast(:suggestions as jsonb), :created, :due, :stepKey, :event)
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
                        .param("event", eventId)
                        .update()
                > 0;
    }

    /** The task opened under a step key, if any. */
    public Optional<Task> byStepKey(String stepKey) {
        return jdbc.sql("select * from task where step_key = :stepKey")
                .param("stepKey", stepKey)
                .query((rs, n) -> task(rs))
                .optional();
    }

    /** The canonical event a task came from, if it came from one. */
    public Optional<UUID> eventOf(TaskId id) {
        return jdbc.sql("select event_id from task where id = :id and event_id is not null")
                .param("id", id.value())
                .query((rs, n) -> rs.getObject("event_id", UUID.class))
                .optional();
    }

    /** The tasks a canonical event led to, oldest first. */
    public List<Task> ofEvent(UUID eventId) {
        return jdbc.sql("select * from task where event_id = :event order by created_at, id")
                .param("event", eventId)
                .query((rs, n) -> task(rs))
                .list();
    }

    /** Locks an OPEN task for its decision; empty when it is not open (any more). */
    public Optional<Task> lockOpen(TaskId id) {
        return jdbc.sql("select * from task where id = :id and status = 'OPEN' for update")
                .param("id", id.value())
                .query((rs, n) -> task(rs))
                .optional();
    }

    /** OPEN tasks of a kind whose context lists {@code value} under the array {@code field}. */
    public List<Task> openWaitingFor(TaskKind kind, String field, String value) {
        return jdbc.sql("select * from task where status = 'OPEN' and kind = :kind"
                        + " and jsonb_exists(context -> :field, :value) order by created_at, id")
                .param("kind", kind.name())
                .param("field", field)
                .param("value", value)
                .query((rs, n) -> task(rs))
                .list();
    }

    public Optional<Task> find(TaskId id) {
        return jdbc.sql("select * from task where id = :id")
                .param("id", id.value())
                .query((rs, n) -> task(rs))
                .optional();
    }

    /** The tasks a message's events opened, oldest first. */
    public List<Task> openedBy(io.seamline.model.message.MessageId message) {
        return jdbc.sql("select t.* from task t join event e on e.id = t.event_id where e.message_id = :message"
                        + " order by t.created_at, t.id")
                .param("message", message.value())
                .query((rs, n) -> task(rs))
                .list();
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
        if (query.createdBefore() != null) {
            where.append(" and created_at < :before");
            params.put("before", timestamp(query.createdBefore()));
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
