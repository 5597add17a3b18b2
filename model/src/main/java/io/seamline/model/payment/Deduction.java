package io.seamline.model.payment;

import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A deduction we take from a partner (a chargeback for a breached SLA, goods short or rejected on receipt): proposed
 * by the gateway with its evidence, approved or withdrawn by a person, sent to the partner as a debit (812, an
 * INVOIC debit note, a notice) naming its {@code number} and evidence, and disputed by the partner.
 */
public record Deduction(
        UUID id,
        String number,
        PartnerId partnerId,
        String subject,
        String reasonCode,
        String reason,
        BigDecimal amount,
        String currency,
        Status status,
        Map<String, Object> evidence,
        MessageId sentMessage,
        String disputeReason,
        Instant disputedAt,
        Instant createdAt) {

    public Deduction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        evidence = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(evidence == null ? Map.of() : evidence));
    }

    public enum Status {
        /** The gateway proposes it; a person decides. */
        PROPOSED,
        /** Approved and sent to the partner. */
        APPROVED,
        /** A person decided not to take it. */
        WITHDRAWN,
        /** The partner disputes it; a person decides again. */
        DISPUTED,
        /** The dispute was weighed and the deduction stands. */
        UPHELD,
        /** The dispute was accepted: the deduction is given back. */
        REVERSED
    }
}
