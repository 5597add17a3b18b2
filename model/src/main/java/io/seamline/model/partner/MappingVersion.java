package io.seamline.model.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * One published version of a partner's EDI mapping or e-mail template: the document (JSON; null when it put the file back in
 * force), who published it, why and when, the version it rolled back to, and the replay it was judged on.
 */
public record MappingVersion(
        PartnerId partner,
        int version,
        String mapping,
        String author,
        String reason,
        Instant at,
        Integer rolledBackFrom,
        UUID replayId) {}
