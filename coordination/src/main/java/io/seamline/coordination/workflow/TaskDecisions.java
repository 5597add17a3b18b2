package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.Outbox;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.effects.ProductionEffects;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.model.Page;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageId;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists tasks and takes people's decisions. A decision is a HUMAN_ACTION entry on the task's subject; then the
 * workflow continues from it (a commitment applied and confirmed, an invoice paid or rejected, a message matched
 * again) and the partner hears back through its channel, all in one transaction.
 */
@Service
public class TaskDecisions {

    /** What became of a decision. */
    public sealed interface Outcome {
        record Taken(Task task, List<MessageId> responses) implements Outcome {}

        record NotFound() implements Outcome {}

        record NotOpen(Task task) implements Outcome {}
    }

    private final Tasks tasks;
    private final Workflows workflows;
    private final Outbox outbox;
    private final Coordinator coordinator;
    private final Rematching rematching;
    private final Responder responder;
    private final ProductionEffects effects;
    private final SlaExpectations slaExpectations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final Audit audit;

    public TaskDecisions(
            Tasks tasks,
            Workflows workflows,
            Outbox outbox,
            Coordinator coordinator,
            Rematching rematching,
            Responder responder,
            ProductionEffects effects,
            SlaExpectations slaExpectations,
            Audit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.audit = audit;
        this.tasks = tasks;
        this.workflows = workflows;
        this.outbox = outbox;
        this.coordinator = coordinator;
        this.rematching = rematching;
        this.responder = responder;
        this.effects = effects;
        this.slaExpectations = slaExpectations;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Page<Task> list(TaskQuery query) {
        return tasks.list(query);
    }

    public Optional<Task> find(TaskId id) {
        return tasks.find(id);
    }

    public Outcome decide(TaskId id, Decision decision, String comment, String actor) {
        return transactions.execute(tx -> {
            Optional<Task> found = tasks.find(id);
            if (found.isEmpty()) {
                return new Outcome.NotFound();
            }
            Optional<Task> open = tasks.lockOpen(id);
            if (open.isEmpty()) {
                return new Outcome.NotOpen(found.get());
            }
            Task task = open.get();
            tasks.decide(id, decision, actor, comment, clock.instant());
            var before = new LinkedHashMap<String, Object>();
            before.put("status", task.status().name());
            before.put("kind", task.kind().name());
            before.put("summary", task.summary());
            var after = new LinkedHashMap<String, Object>();
            after.put("status", "DECIDED");
            after.put("decision", decision.name());
            after.put("comment", comment);
            audit.record(actor, AuditKind.TASK_DECIDED, task.partnerId(), "task/" + id, before, after, comment);
            slaExpectations.taskDecided(task);
            var details = new LinkedHashMap<String, Object>();
            details.put("taskId", id.toString());
            details.put("kind", task.kind().name());
            details.put("decision", decision.name());
            details.put("comment", comment);
            effects.note(
                    task.subject(),
                    TimelineKind.HUMAN_ACTION,
                    actor + " decided " + decision + " on " + task.kind() + ": " + task.summary()
                            + (comment == null || comment.isBlank() ? "" : " (" + comment + ")"),
                    actor,
                    details,
                    null,
                    "task:" + id + ":decision");
            List<Response> responses = continueFrom(task, decision, comment, actor);
            var sent = new ArrayList<MessageId>();
            for (Response response : responses) {
                ArchivedMessage message = responder.respond(response);
                if (message != null) {
                    sent.add(message.id());
                }
            }
            tasks.eventOf(id).ifPresent(event -> workflows.finishIfDone(event, clock.instant()));
            return new Outcome.Taken(tasks.find(id).orElseThrow(), sent);
        });
    }

    private List<Response> continueFrom(Task task, Decision decision, String comment, String actor) {
        TaskContext context = TaskContext.of(task);
        if (context instanceof TaskContext.UnreadMail) {
            return List.of(); // a mail nobody could read: the person handled it
        }
        if (context instanceof TaskContext.UnmatchedEvent) {
            if (decision == Decision.APPROVE) {
                rematching.retry(task, actor);
                return List.of();
            }
            return rematching.refuse(task, comment);
        }
        if (context instanceof TaskContext.FailedDelivery failed && decision == Decision.APPROVE) {
            outbox.retry(failed.deliveryId(), clock.instant());
            return List.of();
        }
        if (context instanceof TaskContext.BouncedMail) {
            return List.of(); // the address is fixed and the mail resent by hand
        }
        return coordinator.decided(task, decision, comment, actor, effects);
    }
}
