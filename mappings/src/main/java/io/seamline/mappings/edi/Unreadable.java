package io.seamline.mappings.edi;

/** Input that is not (or no longer) a readable interchange, and why; no envelope could be answered. */
public record Unreadable(Reason reason, String detail, long offset) {

    public enum Reason {
        EMPTY,
        NOT_EDI,
        TOO_LARGE,
        UNREADABLE
    }

    @Override
    public String toString() {
        return reason + ": " + detail + (offset >= 0 ? " (at byte " + offset + ")" : "");
    }
}
