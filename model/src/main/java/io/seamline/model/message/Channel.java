package io.seamline.model.message;

import java.util.Locale;

/** The business channel a message came through (the CloudEvents {@code seamlinechannel} attribute). */
public enum Channel {
    EDI,
    EMAIL,
    PORTAL,
    API,
    /** Our own system of record: ERP imports and write-backs. */
    ERP;

    /** The lower-case spelling used in canonical events. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
