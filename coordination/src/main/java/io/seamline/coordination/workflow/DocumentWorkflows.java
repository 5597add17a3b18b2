package io.seamline.coordination.workflow;

import io.seamline.model.event.EventData;
import io.seamline.model.task.TaskKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The document kinds Seamline handles, each with its workflow: found by the event's type, or by a task's kind. */
@Component
public class DocumentWorkflows {

    private final Map<Class<? extends EventData>, DocumentWorkflow> byEvent = new HashMap<>();
    private final Map<TaskKind, DocumentWorkflow> byTask = new HashMap<>();

    public DocumentWorkflows(List<DocumentWorkflow> workflows) {
        for (DocumentWorkflow workflow : workflows) {
            for (Class<? extends EventData> type : workflow.handles()) {
                if (byEvent.put(type, workflow) != null) {
                    throw new IllegalStateException("two workflows handle " + type.getSimpleName());
                }
            }
            for (TaskKind kind : workflow.taskKinds()) {
                if (byTask.put(kind, workflow) != null) {
                    throw new IllegalStateException("two workflows decide " + kind + " tasks");
                }
            }
        }
    }

    /** The workflow of an event's kind. */
    public DocumentWorkflow of(EventData data) {
        DocumentWorkflow workflow = byEvent.get(data.getClass());
        if (workflow == null) {
            throw new IllegalStateException("no workflow for " + data.type());
        }
        return workflow;
    }

    /** The workflow whose tasks are of this kind, if one's are (unmatched messages and deliveries are nobody's). */
    public Optional<DocumentWorkflow> deciding(TaskKind kind) {
        return Optional.ofNullable(byTask.get(kind));
    }

    /** One line that says what the event says. */
    public String describe(EventData data) {
        DocumentWorkflow workflow = byEvent.get(data.getClass());
        return workflow == null ? data.type() : workflow.describe(data);
    }
}
