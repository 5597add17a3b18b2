package io.seamline.routes.coordinate;

import io.seamline.adapters.persistence.Tasks;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.sla.Obligations;
import io.seamline.routes.timeline.Memory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens tasks for people, once per step key, with a TASK entry on the subject's timeline. */
@Component
public class Asks {

    private final Tasks tasks;
    private final Workflows workflows;
    private final Memory memory;
    private final Obligations obligations;
    private final Clock clock;

    public Asks(Tasks tasks, Workflows workflows, Memory memory, Obligations obligations, Clock clock) {
        this.tasks = tasks;
        this.workflows = workflows;
        this.memory = memory;
        this.obligations = obligations;
        this.clock = clock;
    }

    /**
     * Opens a task the event {@code eventId} waits for (null for tasks outside any event's workflow).
     * {@code context} is what the person needs to decide; {@code suggestions} what the gateway proposes.
     */
    public void open(
            TaskKind kind,
            Subject subject,
            PartnerId partner,
            String summary,
            Map<String, Object> context,
            List<Map<String, Object>> suggestions,
            UUID eventId,
            MessageId message,
            String stepKey) {
        Task task = new Task(
                TaskId.random(),
                kind,
                subject,
                partner,
                TaskStatus.OPEN,
                summary,
                context,
                suggestions,
                clock.instant(),
                null,
                null,
                null,
                null,
                null);
        task = task.withDueAt(obligations.taskDue(task));
        if (tasks.open(task, stepKey, eventId)) {
            obligations.taskOpened(task);
            if (eventId != null) {
                workflows.reopen(eventId);
            }
        }
        Task opened = tasks.byStepKey(stepKey).orElse(task);
        var details = new LinkedHashMap<String, Object>();
        details.put("taskId", opened.id().toString());
        details.put("kind", kind.name());
        memory.note(
                subject,
                TimelineKind.TASK,
                kind + " task opened: " + summary,
                Memory.SYSTEM,
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
