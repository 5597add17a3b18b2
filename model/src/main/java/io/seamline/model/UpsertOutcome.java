package io.seamline.model;

/** What an upsert from the system of record did. */
public enum UpsertOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
