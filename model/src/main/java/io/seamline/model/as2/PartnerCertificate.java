package io.seamline.model.as2;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate a partner signs its AS2 messages with and we encrypt to. A partner may have several at once: during a
 * rollover the old and the new one are both valid, and both are accepted.
 */
public record PartnerCertificate(
        UUID id,
        PartnerId partnerId,
        String fingerprint,
        String subject,
        Instant notBefore,
        Instant notAfter,
        String pem,
        Instant addedAt) {

    public PartnerCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(pem, "pem");
    }

    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
