package io.seamline.mappings.edi;

/** Which functional acknowledgement an X12 partner wants. */
public enum AckFormat {
    X997,
    X999,
    /** No functional acknowledgement (TA1 still goes out when requested or when the envelope is broken). */
    NONE
}
