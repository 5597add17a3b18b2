package io.seamline.model.timeline;

/** What kind of step a timeline entry records. */
public enum TimelineKind {
    MESSAGE,
    EVENT,
    CORRELATION,
    DECISION,
    TASK,
    HUMAN_ACTION,
    RESPONSE,
    DELIVERY,
    ERP_WRITEBACK,
    SLA,
    /** The ERP created or changed the subject (an import). */
    IMPORT
}
