package io.seamline.model.sla;

import io.seamline.model.Subject;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a partner (or we) owe by a deadline, such as {@code ack.997} within 24 hours of our 850.
 * {@code warnAt} is when a warning goes out if it is still open.
 */
public record Expectation(
        UUID id,
        String kind,
        Subject subject,
        PartnerId partnerId,
        ExpectationStatus status,
        Instant openedAt,
        Instant warnAt,
        Instant dueAt,
        Instant closedAt,
        String reference) {

    public Expectation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
