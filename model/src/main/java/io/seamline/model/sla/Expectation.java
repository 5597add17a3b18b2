package io.seamline.model.sla;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a partner (or we) owe by a deadline, such as {@code ack.997} within 24 hours of our 850.
 * {@code warnAt} is when a warning goes out if it is still open; {@code reference} names what fulfils it (our
 * message a 997 must answer, an entry number). {@code openedBy} and {@code fulfilledBy} are the messages that opened
 * and met it, the evidence of a breach.
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
        String reference,
        Instant warnedAt,
        Instant breachedAt,
        Instant escalatedAt,
        MessageId openedBy,
        MessageId fulfilledBy) {

    /** An expectation as it is opened: nothing has happened to it yet. */
    public static Expectation open(
            String kind,
            Subject subject,
            PartnerId partnerId,
            Instant openedAt,
            Instant warnAt,
            Instant dueAt,
            String reference,
            MessageId openedBy) {
        return new Expectation(
                TimeOrderedIds.at(openedAt),
                kind,
                subject,
                partnerId,
                ExpectationStatus.OPEN,
                openedAt,
                warnAt,
                dueAt,
                null,
                reference,
                null,
                null,
                null,
                openedBy,
                null);
    }

    /** This expectation met at {@code at} by {@code by}: FULFILLED by its deadline, LATE after it. */
    public Expectation met(Instant at, MessageId by) {
        return new Expectation(
                id,
                kind,
                subject,
                partnerId,
                dueAt.isBefore(at) ? ExpectationStatus.LATE : ExpectationStatus.FULFILLED,
                openedAt,
                warnAt,
                dueAt,
                at,
                reference,
                warnedAt,
                breachedAt,
                escalatedAt,
                openedBy,
                by);
    }

    public Expectation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
