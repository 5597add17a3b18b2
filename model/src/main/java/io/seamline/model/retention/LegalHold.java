package io.seamline.model.retention;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.ShipmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A legal hold: while in force (not lifted), retention removes nothing about its subject ({@code po/…},
 * {@code shipment/…}, {@code partner/…}, {@code message/…}). Set and lifted by an admin, each with a reason.
 */
public record LegalHold(
        UUID id,
        String subject,
        String reason,
        String setBy,
        Instant setAt,
        String liftedBy,
        Instant liftedAt,
        String liftReason) {

    /** What a hold may name. */
    public static final String SUBJECT = "^(po|shipment|partner|message)/[^\\s/]{1,128}$";

    /**
     * What is wrong with a subject a hold would name, or null: its form ({@link #SUBJECT}), then its key as its kind
     * writes one (a PO number, a shipment's id, a partner's id, a message's id, which is a UUID). A key no PO, shipment,
     * partner or message can have would keep nothing, ever.
     */
    public static String subjectProblem(String subject) {
        if (subject == null || !subject.matches(SUBJECT)) {
            return "is po/<number>, shipment/<id>, partner/<id> or message/<id>";
        }
        Subject named = Subject.parse(subject);
        String key = named.key();
        return switch (named.kind()) {
            case Subject.PURCHASE_ORDER -> PurchaseOrderNumber.isValid(key)
                    ? null
                    : "names a PO by a number no PO can have";
            case Subject.SHIPMENT -> ShipmentId.isValid(key) ? null : "names a shipment by an id no shipment can have";
            case Subject.PARTNER -> PartnerId.isValid(key) ? null : "names a partner by an id no partner can have";
            default -> MessageId.tryParse(key).isPresent() ? null : "names a message by its id, a UUID";
        };
    }

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
    }

    public boolean inForce() {
        return liftedAt == null;
    }
}
