package io.seamline.model.message;

/** What the archived bytes are. */
public enum MessageFormat {
    X12,
    EDIFACT,
    JSON,
    CSV,
    XML,
    MIME,
    PDF,
    OTHER
}
