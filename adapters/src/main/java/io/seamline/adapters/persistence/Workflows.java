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
 * One workflow per partner event. It is finished when none of the event's tasks is open; it counts as autonomous
 * when it finished and no person decided any of its tasks (a task that resolved itself is no person's work).
 */
@Repository
public class Workflows {

    /*
     * When a workflow is done, and how, from its event's tasks: done when none is open; PERSON when a person decided
     * one, else AUTOMATIC. Both statements below follow it; {@code %s} is the event's id in the statement.
     */
    private static final String OPEN_TASKS =
            "exists (select 1 from task where task.event_id = %s and task.status = 'OPEN')";
    private static final String DECIDED_TASKS =
            "exists (select 1 from task where task.event_id = %s and task.status = 'DECIDED')";

    private final JdbcClient jdbc;
    private final WriteBehind<Ran> ran = new WriteBehind<>(this::insertRan);

    public Workflows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event's run through its workflow: who sent it, what it was, what it is about, when it came and ended. */
    public record Ran(
            UUID eventId, PartnerId partner, String documentType, String subject, Instant startedAt, Instant at) {}

    /**
     * Records that an event ran through its workflow in the current transaction: its workflow is started (once) and
     * finished as {@link #finishIfDone} would when none of its tasks is open, in one statement for all the events of
     * a transaction, written when it commits (after the tasks it opened).
     */
    public void ran(Ran run) {
        ran.add(run);
    }

    private void insertRan(List<Ran> all) {
        // one row per event: a statement may not update the same workflow twice
        var byEvent = new LinkedHashMap<UUID, Ran>();
        all.forEach(run -> byEvent.put(run.eventId(), run));
        var runs = List.copyOf(byEvent.values());
        jdbc.sql(
                        """
                        insert into workflow (event_id, partner_id, document_type, subject, started_at, completed_at,
                            outcome)
                        select v.event, v.partner, v.type, v.subject, v.started,
                            case when t.open then null else v.at end,
                            case when t.open then null when t.decided then 'PERSON' else 'AUTOMATIC' end
                        from unnest(cast(:events as uuid[]), cast(:partners as text[]), cast(:types as text[]),
                            cast(:subjects as text[]), cast(:started as timestamptz[]), cast(:ats as timestamptz[]))
                            as v(event, partner, type, subject, started, at)
                        cross join lateral (select %s as open, %s as decided) t
                        on conflict (event_id) do update set completed_at = excluded.completed_at,
                            outcome = excluded.outcome
                        where workflow.completed_at is null and excluded.completed_at is not null
                        """
                                .formatted(OPEN_TASKS.formatted("v.event"), DECIDED_TASKS.formatted("v.event")))
                .param("events", Columns.texts(runs, r -> r.eventId().toString()))
                .param(
                        "partners",
                        Columns.texts(
                                runs,
                                r -> r.partner() == null ? null : r.partner().value()))
                .param("types", Columns.texts(runs, Ran::documentType))
                .param("subjects", Columns.texts(runs, Ran::subject))
                .param("started", Columns.texts(runs, r -> r.startedAt().toString()))
                .param("ats", Columns.texts(runs, r -> r.at().toString()))
                .update();
    }

    /**
     * Marks the workflow finished when none of its tasks is open any more, AUTOMATIC when no person decided any of
     * them, else PERSON; returns whether it is finished (now or before).
     */
    public boolean finishIfDone(UUID eventId, Instant at) {
        ran.flush();
        jdbc.sql(
                        """
                        update workflow set completed_at = :at,
                            outcome = case when %s then 'PERSON' else 'AUTOMATIC' end
                        where event_id = :event and completed_at is null and not %s
                        """
                                .formatted(DECIDED_TASKS.formatted(":event"), OPEN_TASKS.formatted(":event")))
                .param("event", eventId)
                .param("at", timestamp(at))
                .update();
        return jdbc.sql("select completed_at is not null from workflow where event_id = :event")
                .param("event", eventId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Reopens a finished workflow when new work arrives for it (a reprocessed message that opens a task). */
    public void reopen(UUID eventId) {
        ran.flush();
        jdbc.sql("update workflow set completed_at = null, outcome = null where event_id = :event")
                .param("event", eventId)
                .update();
    }

    /** The autonomy rate of the workflows started in {@code [from, to)}. */
    public AutonomyRate autonomy(Instant from, Instant to) {
        ran.flush();
        var byPartner = new HashMap<String, AutonomyCounts>();
        var byType = new HashMap<String, AutonomyCounts>();
        var overall = new AutonomyCounts[] {new AutonomyCounts(0, 0, 0, 0)};
        jdbc.sql(
                        """
                        select coalesce(w.partner_id, '') as partner, w.document_type,
                            count(*) as events,
                            count(*) filter (where w.completed_at is not null and not h.decided) as autonomous,
                            count(*) filter (where h.decided) as with_person,
                            count(*) filter (where w.completed_at is null and not h.decided) as open
                        from workflow w
                        cross join lateral (select exists (select 1 from task t where t.event_id = w.event_id
                            and t.status = 'DECIDED') as decided) h
                        where w.started_at >= :from and w.started_at < :to
                        group by 1, 2
                        """)
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
        ran.flush();
        var result = new HashMap<String, Long>();
        jdbc.sql("select coalesce(outcome, 'OPEN') as outcome, count(*) as n from workflow group by 1")
                .query(rs -> {
                    result.put(rs.getString("outcome"), rs.getLong("n"));
                });
        return result;
    }
}
