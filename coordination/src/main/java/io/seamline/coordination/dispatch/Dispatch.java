package io.seamline.coordination.dispatch;

import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaProfile.Kind;
import io.seamline.coordination.steps.Response;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.outbound.BookingRequested;
import io.seamline.model.outbound.LoadTendered;
import io.seamline.model.outbound.OrderPlaced;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Sends the ERP's new purchase orders to their suppliers and tenders its new shipments to their carriers, in the
 * import's transaction (the outbox delivers them after it commits), and opens what each is owed: the supplier's
 * acknowledgement (855) and the carrier's answer (990); the functional acknowledgement (997) is opened as the EDI is
 * archived.
 */
@Service
@EnableConfigurationProperties(DispatchSettings.class)
public class Dispatch {

    private final Responder responder;
    private final SlaExpectations slaExpectations;
    private final DispatchSettings settings;
    private final io.seamline.adapters.persistence.Bookings bookings;

    public Dispatch(
            Responder responder,
            SlaExpectations slaExpectations,
            DispatchSettings settings,
            io.seamline.adapters.persistence.Bookings bookings) {
        this.bookings = bookings;
        this.responder = responder;
        this.slaExpectations = slaExpectations;
        this.settings = settings;
    }

    /** The ERP created these purchase orders and planned shipments: each goes to its partner. */
    public void placed(List<PurchaseOrder> orders, List<Shipment> shipments) {
        placed(orders, shipments, Map.of());
    }

    /**
     * As {@link #placed(List, List)}; a shipment carried by a forwarder, or with an ocean or air leg ({@code routes},
     * by shipment id), is booked (300, IFTMIN) instead of tendered (204), and the confirmation (301, IFTMBC) is owed.
     */
    public void placed(List<PurchaseOrder> orders, List<Shipment> shipments, Map<String, ShipmentRoute> routes) {
        if (settings.orders()) {
            orders.forEach(this::sendOrder);
        }
        if (settings.tenders()) {
            for (Shipment shipment : shipments) {
                if (shipment.carrierId() == null) {
                    continue;
                }
                ShipmentRoute route = routes.get(shipment.id().value());
                boolean forwarder = responder
                        .partner(shipment.carrierId())
                        .map(p -> p.role() == io.seamline.model.partner.PartnerRole.FORWARDER)
                        .orElse(false);
                if (route != null || forwarder) {
                    book(shipment, route == null ? new ShipmentRoute(null, null, null) : route);
                } else {
                    tender(shipment);
                }
            }
        }
    }

    private void book(Shipment shipment, ShipmentRoute route) {
        Partner forwarder = responder.partner(shipment.carrierId()).orElseThrow();
        bookings.request(shipment.id().value(), forwarder.id(), route);
        Subject subject = Subject.shipment(shipment.id().value());
        var document = new BookingRequested(
                shipment.id().value(),
                scac(forwarder),
                shipment.references().booking(),
                shipment.poNumbers().stream().map(PurchaseOrderNumber::value).toList(),
                route.portOfLoading(),
                route.portOfDischarge(),
                route.plannedDeparture(),
                shipment.plannedDelivery());
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", "booking.requested");
        notice.put("shipmentId", shipment.id().value());
        notice.put("poNumbers", document.poNumbers());
        if (route.portOfLoading() != null) {
            notice.put("portOfLoading", route.portOfLoading());
        }
        if (route.portOfDischarge() != null) {
            notice.put("portOfDischarge", route.portOfDischarge());
        }
        if (route.plannedDeparture() != null) {
            notice.put("plannedDeparture", route.plannedDeparture().toString());
        }
        if (shipment.plannedDelivery() != null) {
            notice.put("deliveryDate", shipment.plannedDelivery().toString());
        }
        ArchivedMessage sent = responder.respond(new Response(
                forwarder.id(),
                subject,
                document,
                notice,
                "Shipment " + shipment.id() + " booked with " + forwarder.id()
                        + (route.portOfLoading() == null
                                ? ""
                                : " (" + route.portOfLoading() + " to " + route.portOfDischarge() + ")"),
                null,
                "dispatch:" + subject));
        if (sent != null && sent.test()) {
            return;
        }
        slaExpectations.expect(
                Kind.BOOKING_CONFIRMATION,
                subject,
                forwarder.id(),
                null,
                sent == null ? null : sent.id(),
                "sla:" + subject + ":booking");
    }

    private void sendOrder(PurchaseOrder order) {
        Subject subject = Subject.purchaseOrder(order.number().value());
        var document = new OrderPlaced(
                order.number().value(),
                order.orderDate(),
                order.currency(),
                order.lines().stream()
                        .map(l -> new OrderPlaced.Line(
                                l.lineNumber(),
                                l.itemId(),
                                l.partnerItemId(),
                                l.quantity(),
                                l.unit(),
                                l.unitPrice(),
                                l.needByDate()))
                        .toList());
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", "po.placed");
        notice.put("poNumber", order.number().value());
        notice.put("orderDate", order.orderDate().toString());
        notice.put("currency", order.currency());
        if (order.acknowledgeBy() != null) {
            notice.put("acknowledgeBy", order.acknowledgeBy().toString());
        }
        notice.put("lines", order.lines().stream().map(Dispatch::line).toList());
        ArchivedMessage sent = responder.respond(
                new Response(
                        order.partnerId(),
                        subject,
                        document,
                        notice,
                        (order.test() ? "Test PO " : "PO ") + order.number() + " sent to " + order.partnerId(),
                        null,
                        "dispatch:" + subject),
                order.test());
        if (sent != null && sent.test()) {
            return; // a test order: its acknowledgement is graded, not owed
        }
        String step = "sla:" + subject + ":po-ack";
        if (order.acknowledgeBy() != null) {
            // the ERP asked for an acknowledgement by a given time: that is the deadline
            slaExpectations.expectBy(
                    Kind.PO_ACKNOWLEDGEMENT,
                    subject,
                    order.partnerId(),
                    order.acknowledgeBy(),
                    null,
                    sent == null ? null : sent.id(),
                    step);
        } else {
            slaExpectations.expect(
                    Kind.PO_ACKNOWLEDGEMENT, subject, order.partnerId(), null, sent == null ? null : sent.id(), step);
        }
    }

    private void tender(Shipment shipment) {
        Partner carrier = responder.partner(shipment.carrierId()).orElseThrow();
        Subject subject = Subject.shipment(shipment.id().value());
        var document = new LoadTendered(
                shipment.id().value(),
                scac(carrier),
                false,
                shipment.references().bol(),
                shipment.poNumbers().stream().map(PurchaseOrderNumber::value).toList(),
                null,
                null,
                shipment.plannedDelivery(),
                null);
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", "load.tendered");
        notice.put("shipmentId", shipment.id().value());
        notice.put("poNumbers", document.poNumbers());
        if (shipment.plannedDelivery() != null) {
            notice.put("deliveryDate", shipment.plannedDelivery().toString());
        }
        ArchivedMessage sent = responder.respond(new Response(
                carrier.id(),
                subject,
                document,
                notice,
                "Shipment " + shipment.id() + " tendered to " + carrier.id(),
                null,
                "dispatch:" + subject));
        if (sent != null && sent.test()) {
            return;
        }
        slaExpectations.expect(
                Kind.TENDER_RESPONSE,
                subject,
                carrier.id(),
                null,
                sent == null ? null : sent.id(),
                "sla:" + subject + ":tender");
    }

    private static String scac(Partner carrier) {
        List<PartnerIdentifier> scac = carrier.identifiers(IdentifierScheme.SCAC);
        return scac.isEmpty()
                ? carrier.id().value().toUpperCase(java.util.Locale.ROOT)
                : scac.get(0).value();
    }

    private static Map<String, Object> line(PurchaseOrderLine line) {
        var map = new LinkedHashMap<String, Object>();
        map.put("lineNumber", line.lineNumber());
        map.put("itemId", line.itemId());
        map.put("quantity", line.quantity());
        map.put("unit", line.unit());
        map.put("unitPrice", line.unitPrice());
        map.put("needByDate", line.needByDate().toString());
        return map;
    }
}
