package io.seamline.portal.web.ops;

import io.seamline.model.task.Task;
import io.seamline.model.task.TaskStatus;
import io.seamline.portal.web.Links;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the task queue, worked out before the page is drawn (a queue of 500 tasks renders in a fraction of the
 * time when the template only prints): what it is, whom and what it is about, how old, whether it may be decided in
 * bulk.
 */
public record TaskRow(
        String id,
        String kind,
        String partner,
        String subject,
        String subjectPage,
        String summary,
        String age,
        String due,
        String status,
        boolean selectable) {

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static TaskRow of(Task task, Instant now) {
        long hours = Duration.between(task.createdAt(), now).toHours();
        return new TaskRow(
                task.id().toString(),
                task.kind().name(),
                task.partnerId() == null ? "" : task.partnerId().value(),
                task.subject().toString(),
                Links.INSTANCE.to(task.subject()),
                task.summary(),
                hours < 48 ? hours + " h" : hours / 24 + " d",
                task.dueAt() == null ? "—" : DUE.format(task.dueAt()),
                task.status().name(),
                task.status() == TaskStatus.OPEN && task.kind().bulkDecidable());
    }
}
