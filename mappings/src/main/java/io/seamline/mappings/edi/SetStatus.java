package io.seamline.mappings.edi;

/** How a transaction set (X12) or message (EDIFACT) came out. */
public enum SetStatus {
    /** Read and mapped; its events count. (AK5 A, UCM 7) */
    ACCEPTED,
    /** Mapped, with problems worth telling the partner. (AK5 E) */
    ACCEPTED_WITH_ERRORS,
    /** Not processed: it has errors; no business event. (AK5 R, UCM 4) */
    REJECTED,
    /** Well-formed, but a set Seamline does not map; acknowledged as the partner's profile says. */
    UNSUPPORTED;

    public boolean producesEvents() {
        return this == ACCEPTED || this == ACCEPTED_WITH_ERRORS;
    }
}
