package io.seamline.coordination.retention;

import io.seamline.adapters.persistence.LegalHolds;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.coordination.audit.Audit;
import io.seamline.model.Subject;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.retention.LegalHold;
import io.seamline.model.shipment.ShipmentId;
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
    private final PurchaseOrders orders;
    private final Shipments shipments;
    private final Partners partners;
    private final Messages messages;

    public Holds(
            LegalHolds holds,
            Audit audit,
            Clock clock,
            PurchaseOrders orders,
            Shipments shipments,
            Partners partners,
            Messages messages) {
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
        this.orders = orders;
        this.shipments = shipments;
        this.partners = partners;
        this.messages = messages;
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

    /**
     * Whether the gateway keeps anything under a subject a hold may name ({@link LegalHold#subjectProblem} finds nothing
     * wrong with it): the PO, shipment, partner or message exists. A hold on one that does not (yet) is still set — it
     * keeps what comes under it — but an admin is told, since it is more often a typing error.
     */
    public boolean keepsSomethingUnder(String subject) {
        Subject named = Subject.parse(subject);
        String key = named.key();
        PartnerScope everyone = PartnerScope.everyone();
        return switch (named.kind()) {
            case Subject.PURCHASE_ORDER -> orders.find(PurchaseOrderNumber.of(key), everyone)
                    .isPresent();
            case Subject.SHIPMENT -> shipments
                    .find(ShipmentId.of(key), everyone)
                    .isPresent();
            case Subject.PARTNER -> partners.exists(PartnerId.of(key));
            case Subject.MESSAGE -> messages.find(MessageId.parse(key), everyone)
                    .isPresent();
            default -> false;
        };
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
