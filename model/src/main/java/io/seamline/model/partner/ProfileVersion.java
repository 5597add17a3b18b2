package io.seamline.model.partner;

import java.time.Instant;

/**
 * One version of a partner's configuration: its profile as it ran (JSON in the onboarding shape, secrets as stored),
 * who made it, why and when, the version it rolled back to if it was a rollback, and the replay it was judged on.
 */
public record ProfileVersion(
        PartnerId partner,
        int version,
        String profile,
        String author,
        String reason,
        Instant at,
        Integer rolledBackFrom,
        java.util.UUID replayId) {}
