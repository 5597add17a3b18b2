package io.seamline.model.audit;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;

/** Which audit entries to list: each filter optional, newest first. */
public record AuditQuery(String actor, PartnerId partner, AuditKind kind, Instant from, Instant to, Window window) {}
