package io.seamline.adapters.persistence;

import io.seamline.model.message.MessageId;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small, readable test data. */
final class Fixtures {

    static final PartnerId ACME = PartnerId.of("acme-supply");
    static final PartnerId GLOBEX = PartnerId.of("globex-parts");
    static final PartnerId SWIFT = PartnerId.of("swift-freight");

    private Fixtures() {}

    /**
     * A delivery of {@code message} waiting for its first attempt, queued at {@code at} (to no partner: the ERP's), about
     * {@code subject} (or none).
     */
    static OutboundDelivery pending(
            MessageId message, PartnerId partner, ChannelKind channel, String target, Instant at, String subject) {
        return new OutboundDelivery(
                TimeOrderedIds.at(at),
                message,
                partner,
                channel,
                target,
                DeliveryStatus.PENDING,
                0,
                at,
                null,
                at,
                null,
                subject);
    }

    static Partner supplier(PartnerId id, String x12Id) {
        return new Partner(
                id,
                id.value() + " Inc.",
                PartnerRole.SUPPLIER,
                List.of(
                        PartnerIdentifier.x12("ZZ", x12Id),
                        PartnerIdentifier.of(IdentifierScheme.EMAIL_DOMAIN, id.value() + ".example")),
                List.of(new ChannelProfile(ChannelKind.SFTP, "/partners/" + id.value(), Map.of("standard", "X12"))),
                Map.of("ack.997.hours", "24"),
                Map.of("commitment.maxSlipDays", "2"));
    }

    static Partner carrier(PartnerId id, String scac) {
        return new Partner(
                id,
                id.value() + " Lines",
                PartnerRole.CARRIER,
                List.of(PartnerIdentifier.of(IdentifierScheme.SCAC, scac)),
                List.of(),
                Map.of(),
                Map.of());
    }

    static PurchaseOrder order(String number, PartnerId partner, PurchaseOrderLine... lines) {
        return new PurchaseOrder(
                PurchaseOrderNumber.of(number),
                partner,
                "USD",
                LocalDate.of(2026, 11, 2),
                PurchaseOrderStatus.OPEN,
                List.of(lines));
    }

    static PurchaseOrderLine line(String number, String item, String quantity) {
        return PurchaseOrderLine.ordered(
                number,
                item,
                "P-" + item,
                new BigDecimal(quantity),
                "EA",
                new BigDecimal("2.50"),
                LocalDate.of(2026, 12, 1));
    }
}
