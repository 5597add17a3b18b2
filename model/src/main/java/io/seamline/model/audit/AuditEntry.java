package io.seamline.model.audit;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * One change made by a person or a system account: who ({@code actor}), when, from where ({@code via}: API, PORTAL,
 * SOAP, FILE, SYSTEM), what ({@code kind}, the {@code subject} it changed, the partner it concerns; {@code before} and
 * {@code after} as JSON, secrets masked), and why. Append only.
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String via,
        AuditKind kind,
        PartnerId partner,
        String subject,
        Object before,
        Object after,
        String reason) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(kind, "kind");
    }
}
