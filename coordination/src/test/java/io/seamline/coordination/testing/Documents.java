package io.seamline.coordination.testing;

import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Work;
import io.seamline.model.Subject;
import io.seamline.model.event.EventData;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.Shipment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain documents for workflow tests: partners, POs, an archived message and the work and correlation a workflow
 * runs on, as the pipeline would hand them over. No database, no Spring.
 */
public final class Documents {

    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final LocalDate NEED_BY = LocalDate.of(2026, 12, 20);

    private Documents() {}

    public static Partner supplier(String id) {
        return partner(id, PartnerRole.SUPPLIER, Map.of());
    }

    public static Partner partner(String id, PartnerRole role, Map<String, String> policy) {
        return new Partner(
                PartnerId.of(id),
                id,
                role,
                List.of(PartnerIdentifier.of(IdentifierScheme.EMAIL_DOMAIN, id + ".example")),
                List.of(),
                Map.of(),
                policy);
    }

    public static PurchaseOrder order(String number, Partner supplier, PurchaseOrderLine... lines) {
        return new PurchaseOrder(
                PurchaseOrderNumber.of(number),
                supplier.id(),
                "USD",
                LocalDate.of(2026, 11, 2),
                PurchaseOrderStatus.OPEN,
                List.of(lines),
                null);
    }

    public static PurchaseOrderLine line(String number, String item, String quantity, String unitPrice) {
        return PurchaseOrderLine.ordered(
                number, item, "P-" + item, new BigDecimal(quantity), "EA", new BigDecimal(unitPrice), NEED_BY);
    }

    /** An inbound EDI message from the partner, as archived. */
    public static ArchivedMessage message(Partner from, String documentType) {
        return new ArchivedMessage(
                MessageId.random(),
                Direction.INBOUND,
                Channel.EDI,
                "sftp",
                MessageFormat.X12,
                from.id(),
                MessageStatus.RECEIVED,
                null,
                "0".repeat(64),
                100,
                "application/edi-x12",
                "in.x12",
                documentType,
                ControlNumbers.interchange("000000001"),
                NOW,
                null,
                null,
                null);
    }

    /** The first event of a new message from the partner. */
    public static Work work(Partner from, String documentType, EventData data) {
        ArchivedMessage message = message(from, documentType);
        return new Work(Work.eventOf(message, from.id(), 0, data), from, message, documentType);
    }

    /** The event's lines matched, in order, to these lines of the PO. */
    public static Correlated onOrder(Work work, PurchaseOrder order, PurchaseOrderLine... matched) {
        var lines = new LinkedHashMap<Integer, PurchaseOrderLine>();
        for (int i = 0; i < matched.length; i++) {
            lines.put(i, matched[i]);
        }
        return new Correlated(
                work,
                new Correlation(
                        Subject.purchaseOrder(order.number().value()), List.of(order), lines, null, null, null));
    }

    /** The event correlated to a shipment (and the POs it carries). */
    public static Correlated onShipment(Work work, Shipment shipment, List<PurchaseOrder> orders) {
        return new Correlated(
                work, new Correlation(Subject.shipment(shipment.id().value()), orders, Map.of(), shipment, null, null));
    }
}
