package io.seamline.model.retention;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of records retention removes, each kept for its own period ({@code seamline.retention.<key>}). The audit
 * trail is no class: it is append-only and kept.
 */
public enum RetentionClass {
    PAYLOADS(
            "payloads", "raw bytes of messages (documents, mails, attachments, acknowledgements, MDNs), but invoices'"),
    INVOICE_PAYLOADS("invoice-payloads", "raw bytes of messages that carried an invoice, and their attachments"),
    EVENTS("events", "canonical events and their workflows"),
    TIMELINE("timeline", "timeline entries"),
    TASKS("tasks", "decided, resolved and cancelled tasks"),
    EXPECTATIONS(
            "expectations",
            "met, late and cancelled SLA expectations (the evidence of scorecards and breaches) and their alerts"),
    MESSAGES(
            "messages",
            "messages' rows once their bytes, events and timeline are gone (one tombstone per partner and day), ERP"
                    + " write-backs with their bytes once the timeline of the message that caused them is gone, and"
                    + " older tombstones, folded the same way");

    private final String key;
    private final String description;

    RetentionClass(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in settings and the API: {@code payloads}, {@code invoice-payloads} … */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Optional<RetentionClass> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
