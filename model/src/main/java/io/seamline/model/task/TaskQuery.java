package io.seamline.model.task;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Which tasks to list; every filter is optional ({@code createdBefore}: only tasks older than that, the queue's age
 * filter). Tasks are internal work, so there is no partner scope.
 */
public record TaskQuery(
        TaskStatus status, TaskKind kind, PartnerId partnerId, String subject, Instant createdBefore, Window window) {

    public TaskQuery {
        Objects.requireNonNull(window, "window");
    }

    public TaskQuery(TaskStatus status, TaskKind kind, PartnerId partnerId, String subject, Window window) {
        this(status, kind, partnerId, subject, null, window);
    }
}
