package io.seamline.model.message;

import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.time.Instant;
import java.util.Objects;

/**
 * Which archived messages to list. All filters are optional: {@code controlNumber} matches interchange, group
 * or set control numbers; {@code subject} ({@code po/4500012345}) the messages about a PO or shipment (their events,
 * their label, or what we sent about it); {@code from} is inclusive, {@code to} exclusive.
 */
public record MessageQuery(
        PartnerScope scope,
        PartnerId partnerId,
        MessageStatus status,
        Direction direction,
        String controlNumber,
        String subject,
        Instant from,
        Instant to,
        Window window) {

    public MessageQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
    }

    public MessageQuery(
            PartnerScope scope,
            PartnerId partnerId,
            MessageStatus status,
            Direction direction,
            String controlNumber,
            Instant from,
            Instant to,
            Window window) {
        this(scope, partnerId, status, direction, controlNumber, null, from, to, window);
    }
}
