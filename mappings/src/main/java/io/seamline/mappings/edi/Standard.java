package io.seamline.mappings.edi;

/** The EDI standards the engine reads and writes. */
public enum Standard {
    X12,
    EDIFACT
}
