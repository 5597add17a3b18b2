package io.seamline.coordination.tasks;

import io.seamline.adapters.persistence.Tasks;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.webhooks.OpsEvents;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens tasks for people, once per step key, with a TASK entry on the subject's timeline. */
@Component
public class TaskOpening {

    private final Tasks tasks;
    private final Workflows workflows;
    private final Timeline timeline;
    private final SlaExpectations slaExpectations;
    private final Clock clock;
    private final OpsEvents ops;

    public TaskOpening(
            Tasks tasks,
            Workflows workflows,
            Timeline timeline,
            SlaExpectations slaExpectations,
            Clock clock,
            OpsEvents ops) {
        this.ops = ops;
        this.tasks = tasks;
        this.workflows = workflows;
        this.timeline = timeline;
        this.slaExpectations = slaExpectations;
        this.clock = clock;
    }

    /**
     * Opens a task the event {@code eventId} waits for (null for tasks outside any event's workflow).
     * {@code context} is what the person needs to decide (its record says the task's kind); {@code suggestions} what
     * the gateway proposes.
     */
    public void open(
            TaskContext context,
            Subject subject,
            PartnerId partner,
            String summary,
            List<Map<String, Object>> suggestions,
            UUID eventId,
            MessageId message,
            String stepKey) {
        TaskKind kind = context.taskKind();
        Task task = new Task(
                TaskId.random(),
                kind,
                subject,
                partner,
                TaskStatus.OPEN,
                summary,
                TaskContext.toMap(context),
                suggestions,
                clock.instant(),
                null,
                null,
                null,
                null,
                null);
        task = task.withDueAt(slaExpectations.taskDue(task));
        if (tasks.open(task, stepKey, eventId)) {
            slaExpectations.taskOpened(task);
            if (eventId != null) {
                workflows.reopen(eventId);
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("taskId", task.id().toString());
            data.put("kind", kind.name());
            data.put("subject", subject.toString());
            data.put("partnerId", partner == null ? null : partner.value());
            ops.publish(
                    OpsEvents.TASK_OPENED,
                    kind.name(),
                    "task:" + task.id(),
                    kind + " task opened for " + subject + ": " + summary,
                    data);
        }
        Task opened = tasks.byStepKey(stepKey).orElse(task);
        var details = new LinkedHashMap<String, Object>();
        details.put("taskId", opened.id().toString());
        details.put("kind", kind.name());
        timeline.note(
                subject,
                TimelineKind.TASK,
                kind + " task opened: " + summary,
                Timeline.SYSTEM,
                details,
                message,
                stepKey + ":timeline");
    }

    /** The usual two answers a person gives, with what each does. */
    public static List<Map<String, Object>> approveOrReject(String approve, String reject) {
        return List.of(
                Map.of("decision", "APPROVE", "effect", approve), Map.of("decision", "REJECT", "effect", reject));
    }
}
