package io.seamline.model.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A legal hold: while in force (not lifted), retention removes nothing about its subject ({@code po/…},
 * {@code shipment/…}, {@code partner/…}, {@code message/…}). Set and lifted by an admin, each with a reason.
 */
public record LegalHold(
        UUID id,
        String subject,
        String reason,
        String setBy,
        Instant setAt,
        String liftedBy,
        Instant liftedAt,
        String liftReason) {

    /** What a hold may name. */
    public static final String SUBJECT = "^(po|shipment|partner|message)/[^\\s/]{1,128}$";

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
    }

    public boolean inForce() {
        return liftedAt == null;
    }
}
