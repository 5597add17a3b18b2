package io.seamline.coordination.retention;

import io.seamline.adapters.persistence.LegalHolds;
import io.seamline.coordination.audit.Audit;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.retention.LegalHold;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Legal holds, set and lifted by an admin with a reason, each change audited. */
@Service
public class Holds {

    private final LegalHolds holds;
    private final Audit audit;
    private final Clock clock;

    public Holds(LegalHolds holds, Audit audit, Clock clock) {
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public LegalHold set(String subject, String reason, String actor) {
        LegalHold hold = holds.set(subject, reason, actor, clock.instant());
        audit.record(actor, AuditKind.HOLD_SET, partnerOf(subject), subject, null, hold, reason);
        return hold;
    }

    @Transactional
    public Optional<LegalHold> lift(UUID id, String reason, String actor) {
        Optional<LegalHold> before = holds.find(id).filter(LegalHold::inForce);
        Optional<LegalHold> lifted = holds.lift(id, reason, actor, clock.instant());
        lifted.ifPresent(after -> audit.record(
                actor,
                AuditKind.HOLD_LIFTED,
                partnerOf(after.subject()),
                after.subject(),
                before.orElse(null),
                after,
                reason));
        return lifted;
    }

    public Optional<LegalHold> find(UUID id) {
        return holds.find(id);
    }

    public List<LegalHold> inForce() {
        return holds.inForce();
    }

    private static PartnerId partnerOf(String subject) {
        String id = subject.startsWith("partner/") ? subject.substring("partner/".length()) : null;
        return id != null && PartnerId.isValid(id) ? PartnerId.of(id) : null;
    }
}
