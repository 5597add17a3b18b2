package io.seamline.model.task;

/** A person's answer to a task. */
public enum Decision {
    APPROVE,
    REJECT
}
