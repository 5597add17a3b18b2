package io.seamline.model.replay;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.UUID;

/**
 * A replay of archived traffic against a draft configuration: who asked, its scope, period and draft (JSON), where it
 * stands ({@code RUNNING}, {@code DONE}, {@code CANCELLED}, {@code FAILED}) and its report (JSON) once done.
 */
public record ReplayRun(
        UUID id,
        String requestedBy,
        String scope,
        PartnerId partner,
        Instant from,
        Instant to,
        String draft,
        String status,
        int documents,
        int processed,
        String report,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {}
