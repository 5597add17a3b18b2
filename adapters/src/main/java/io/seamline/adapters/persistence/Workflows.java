package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.partner.PartnerId;
import io.seamline.model.workflow.AutonomyCounts;
import io.seamline.model.workflow.AutonomyRate;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One workflow per partner event, kept on the event's row. It is finished when none of the event's tasks is open; it
 * counts as autonomous when it finished and no person decided any of its tasks (a task that resolved itself is no
 * person's work).
 */
@Repository
public class Workflows {

    /*
     * A workflow's state from its event's tasks, for every statement that writes it (the event's insert, the update
     * of an event written before, finishing). TASKS is a subquery t(open, decided) over the tasks of the event whose
     * id is its first argument, for the rows its second argument holds for: a task is open; a person decided one.
     * The workflow is then done at COMPLETED_AT's argument unless a task is open, with a PERSON when one decided,
     * else AUTOMATIC (OUTCOME). DECIDED alone serves the autonomy rate.
     */
    private static final String DECIDED =
            "exists (select 1 from task where task.event_id = %1$s and task.status = 'DECIDED')";
    static final String TASKS = "(select %2$s and exists (select 1 from task where task.event_id = %1$s"
            + " and task.status = 'OPEN') as open, %2$s and " + DECIDED + " as decided) t";
    static final String COMPLETED_AT = "case when t.open then null else %s end";
    static final String OUTCOME = "case when t.open then null when t.decided then 'PERSON' else 'AUTOMATIC' end";

    private final JdbcClient jdbc;
    private final Events events;
    private final WriteBehind<Ran> ran = new WriteBehind<>(this::writeRan);

    public Workflows(JdbcClient jdbc, Events events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** An event's run through its workflow: who sent it, what it was, what it is about, when it came and ended. */
    public record Ran(
            UUID eventId, PartnerId partner, String documentType, String subject, Instant startedAt, Instant at) {}

    /**
     * Records that an event ran through its workflow in the current transaction: its workflow is started (once) and
     * finished as {@link #finishIfDone} would when none of its tasks is open, written with the event when the
     * transaction commits (after the tasks it opened); an event written before is updated then.
     */
    public void ran(Ran run) {
        if (!events.attach(run)) {
            ran.add(run);
        }
    }

    private void writeRan(List<Ran> all) {
        events.flush();
        // one row per event: a statement may not update the same row twice
        var byEvent = new LinkedHashMap<UUID, Ran>();
        all.forEach(run -> byEvent.put(run.eventId(), run));
        var runs = List.copyOf(byEvent.values());
        jdbc.sql(
                        """
                        update event e set workflow_document_type = v.type,
                            workflow_started_at = coalesce(e.workflow_started_at, v.started),
                            workflow_completed_at = %s, workflow_outcome = %s
                        from unnest(cast(:events as uuid[]), cast(:types as text[]),
                            cast(:started as timestamptz[]), cast(:ats as timestamptz[])) as v(event, type, started, at)
                        cross join lateral %s
                        where e.id = v.event and (e.workflow_document_type is null
                            or (e.workflow_completed_at is null and not t.open))
                        """
                                .formatted(COMPLETED_AT.formatted("v.at"), OUTCOME, TASKS.formatted("v.event", "true")))
                .param("events", Columns.texts(runs, r -> r.eventId().toString()))
                .param("types", Columns.texts(runs, Ran::documentType))
                .param("started", Columns.texts(runs, r -> r.startedAt().toString()))
                .param("ats", Columns.texts(runs, r -> r.at().toString()))
                .update();
    }

    private void flush() {
        events.flush();
        ran.flush();
    }

    /**
     * Marks the workflow finished when none of its tasks is open any more, AUTOMATIC when no person decided any of
     * them, else PERSON; returns whether it is finished (now or before).
     */
    public boolean finishIfDone(UUID eventId, Instant at) {
        flush();
        jdbc.sql(
                        """
                        update event set workflow_completed_at = %s, workflow_outcome = %s
                        from %s
                        where id = :event and workflow_document_type is not null and workflow_completed_at is null
                            and not t.open
                        """
                                .formatted(
                                        COMPLETED_AT.formatted("cast(:at as timestamptz)"),
                                        OUTCOME,
                                        TASKS.formatted(":event", "true")))
                .param("event", eventId)
                .param("at", timestamp(at))
                .update();
        return jdbc.sql("select workflow_completed_at is not null from event"
                        + " where id = :event and workflow_document_type is not null")
                .param("event", eventId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Reopens a finished workflow when new work arrives for it (a reprocessed message that opens a task). */
    public void reopen(UUID eventId) {
        flush();
        jdbc.sql("update event set workflow_completed_at = null, workflow_outcome = null"
                        + " where id = :event and workflow_document_type is not null")
                .param("event", eventId)
                .update();
    }

    /** The autonomy rate of the workflows started in {@code [from, to)}. */
    public AutonomyRate autonomy(Instant from, Instant to) {
        flush();
        var byPartner = new HashMap<String, AutonomyCounts>();
        var byType = new HashMap<String, AutonomyCounts>();
        var overall = new AutonomyCounts[] {new AutonomyCounts(0, 0, 0, 0)};
        jdbc.sql(
                        """
                        select coalesce(w.partner_id, '') as partner, w.workflow_document_type as document_type,
                            count(*) as events,
                            count(*) filter (where w.workflow_completed_at is not null and not h.decided) as autonomous,
                            count(*) filter (where h.decided) as with_person,
                            count(*) filter (where w.workflow_completed_at is null and not h.decided) as open
                        from event w
                        cross join lateral (select %s as decided) h
                        where w.workflow_document_type is not null and w.workflow_started_at >= :from
                            and w.workflow_started_at < :to
                        group by 1, 2
                        """
                                .formatted(DECIDED.formatted("w.id")))
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query(rs -> {
                    var counts = new AutonomyCounts(
                            rs.getLong("events"),
                            rs.getLong("autonomous"),
                            rs.getLong("with_person"),
                            rs.getLong("open"));
                    byPartner.merge(rs.getString("partner"), counts, Workflows::add);
                    byType.merge(rs.getString("document_type"), counts, Workflows::add);
                    overall[0] = add(overall[0], counts);
                });
        byPartner.remove("");
        return new AutonomyRate(from, to, overall[0], byPartner, byType);
    }

    private static AutonomyCounts add(AutonomyCounts a, AutonomyCounts b) {
        return new AutonomyCounts(
                a.events() + b.events(),
                a.autonomous() + b.autonomous(),
                a.withPerson() + b.withPerson(),
                a.open() + b.open());
    }

    /** How many workflows there are per outcome, for tests and operators. */
    public Map<String, Long> outcomes() {
        flush();
        var result = new HashMap<String, Long>();
        jdbc.sql("select coalesce(workflow_outcome, 'OPEN') as outcome, count(*) as n from event"
                        + " where workflow_document_type is not null group by 1")
                .query(rs -> {
                    result.put(rs.getString("outcome"), rs.getLong("n"));
                });
        return result;
    }
}
