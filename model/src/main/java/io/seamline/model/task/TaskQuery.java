package io.seamline.model.task;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import java.util.Objects;

/** Which tasks to list; every filter is optional. Tasks are internal work, so there is no partner scope. */
public record TaskQuery(TaskStatus status, TaskKind kind, PartnerId partnerId, String subject, Window window) {

    public TaskQuery {
        Objects.requireNonNull(window, "window");
    }
}
