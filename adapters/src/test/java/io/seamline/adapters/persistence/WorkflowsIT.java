package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.message.Channel;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event's workflow, recorded on the event once its message ran: finished at once, or when the tasks it opened are
 * decided.
 */
class WorkflowsIT {

    private static final Instant T0 = TestDatabase.NOW;
    private static final Subject PO = Subject.purchaseOrder("4500012345");

    private final TestDatabase db = TestDatabase.get();
    private final Events events = new Events(db.jdbc);
    private final Tasks tasks = new Tasks(db.jdbc);
    private final Workflows workflows = new Workflows(db.jdbc, events);

    @BeforeEach
    void partner() {
        db.clean();
        new Partners(db.jdbc, TestDatabase.CLOCK).add(supplier(ACME, "ACMESUPPLY"));
    }

    private UUID event() {
        var id = UUID.randomUUID();
        events.append(new CanonicalEvent(
                id.toString(),
                "/test",
                T0,
                ACME,
                null,
                Channel.API,
                new CommitmentUpdated("4500012345", List.of(), null)));
        return id;
    }

    private static Workflows.Ran ran(UUID event, Instant at) {
        return new Workflows.Ran(event, ACME, "855", PO.toString(), T0, at);
    }

    private Task task(UUID event) {
        var task = new Task(
                TaskId.random(),
                TaskKind.COMMITMENT_CHANGE,
                PO,
                ACME,
                TaskStatus.OPEN,
                "line 2 slips",
                Map.of(),
                List.of(),
                T0,
                null,
                null,
                null,
                null,
                null);
        tasks.open(task, "task:" + event, event);
        return task;
    }

    @Test
    void aTransactionsWorkflowsAreWrittenWhenItCommitsAndTheOnesWithoutOpenTasksAreFinished() {
        var held = new long[1];
        Task[] asked = new Task[1];
        db.transactions.executeWithoutResult(tx -> {
            UUID automatic = event();
            UUID waiting = event();
            asked[0] = task(waiting);
            workflows.ran(ran(automatic, T0.plusSeconds(1)));
            workflows.ran(ran(waiting, T0.plusSeconds(1)));
            held[0] = db.jdbc
                    .sql("select count(*) from event where workflow_document_type is not null")
                    .query(Long.class)
                    .single();
        });

        assertThat(held[0]).as("held back until commit").isZero();
        assertThat(workflows.outcomes()).containsEntry("AUTOMATIC", 1L).containsEntry("OPEN", 1L);

        tasks.decide(asked[0].id(), Decision.APPROVE, "ops", null, T0.plusSeconds(60));
        workflows.finishIfDone(tasks.eventOf(asked[0].id()).orElseThrow(), T0.plusSeconds(60));
        assertThat(workflows.outcomes()).containsEntry("AUTOMATIC", 1L).containsEntry("PERSON", 1L);
    }

    @Test
    void aRunIsWrittenWithItsEventAndAnEventWrittenBeforeIsUpdated() {
        long[] updates = new long[2];
        db.transactions.executeWithoutResult(tx -> {
            UUID written = event();
            events.find(written).orElseThrow();
            UUID held = event();
            updates[0] = eventUpdates();
            workflows.ran(ran(held, T0.plusSeconds(1)));
            workflows.ran(ran(written, T0.plusSeconds(1)));
            workflows.outcomes();
            updates[1] = eventUpdates();
        });

        assertThat(updates[1] - updates[0])
                .as("the held event is inserted with its run; only the one written before is updated")
                .isEqualTo(1);
        assertThat(workflows.outcomes()).containsOnly(Map.entry("AUTOMATIC", 2L));
    }

    private long eventUpdates() {
        return db.jdbc
                .sql("select sum(n_tup_upd) from pg_stat_xact_user_tables"
                        + " where relid in (select relid from pg_partition_tree('event'))")
                .query(Long.class)
                .single();
    }

    @Test
    void aRunRecordedAgainLeavesAFinishedWorkflowAsItWas() {
        UUID event = event();
        workflows.ran(ran(event, T0.plusSeconds(1)));
        workflows.ran(ran(event, T0.plusSeconds(99)));

        assertThat(db.jdbc
                        .sql("select workflow_completed_at from event where id = :event")
                        .param("event", event)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(T0.plusSeconds(1));
        assertThat(workflows.outcomes()).containsOnly(Map.entry("AUTOMATIC", 1L));
    }

    @Test
    void theSameEventRecordedTwiceInOneTransactionIsOneWorkflow() {
        db.transactions.executeWithoutResult(tx -> {
            UUID event = event();
            workflows.ran(ran(event, T0.plusSeconds(1)));
            workflows.ran(ran(event, T0.plusSeconds(2)));
        });

        assertThat(workflows.outcomes()).containsOnly(Map.entry("AUTOMATIC", 1L));
    }
}
