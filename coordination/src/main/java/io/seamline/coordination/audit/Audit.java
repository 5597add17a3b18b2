package io.seamline.coordination.audit;

import io.seamline.adapters.persistence.AuditTrail;
import io.seamline.model.Page;
import io.seamline.model.audit.AuditEntry;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.audit.AuditQuery;
import io.seamline.model.partner.PartnerId;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Records every change made by a person or a system account in the append-only audit trail, in the transaction of
 * the change: who, when, from where, what (before and after, secrets masked by the caller), why.
 */
@Service
public class Audit {

    /** Where a change came from when no door says. */
    public static final String SYSTEM = "SYSTEM";

    private final AuditTrail trail;
    private final ObjectProvider<Origin> origin;
    private final Clock clock;

    public Audit(AuditTrail trail, ObjectProvider<Origin> origin, Clock clock) {
        this.trail = trail;
        this.origin = origin;
        this.clock = clock;
    }

    /** A change, as one entry; {@code before} and {@code after} are values Jackson writes (records, maps). */
    public void record(
            String actor,
            AuditKind kind,
            PartnerId partner,
            String subject,
            Object before,
            Object after,
            String reason) {
        trail.append(new AuditEntry(
                0,
                clock.instant(),
                actor == null || actor.isBlank() ? SYSTEM : actor,
                via(),
                kind,
                partner,
                subject,
                before,
                after,
                reason == null || reason.isBlank() ? null : reason.trim()));
    }

    /** The same, from a door that knows where it came from ({@code FILE} for a folder, for instance). */
    public void recordVia(
            String via,
            String actor,
            AuditKind kind,
            PartnerId partner,
            String subject,
            Object before,
            Object after,
            String reason) {
        trail.append(new AuditEntry(0, clock.instant(), actor, via, kind, partner, subject, before, after, reason));
    }

    public Page<AuditEntry> list(AuditQuery query) {
        return trail.list(query);
    }

    private String via() {
        Origin door = origin.getIfAvailable();
        String via = door == null ? null : door.via();
        return via == null ? SYSTEM : via;
    }
}
