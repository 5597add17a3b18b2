package io.seamline.coordination.partners;

import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a partner's documents may name: the objects of its relationship with us. A supplier its POs and the
 * shipments that carry them (or that it advised); a carrier or forwarder the shipments assigned to it and the POs
 * they carry; a customs broker the shipments it is the broker of and their POs. Correlation asks here for every
 * event, whichever channel brought it (EDI over HTTP, AS2 or SFTP, e-mail, REST, SOAP, the portal), so a reference
 * outside the sender's relationship is answered exactly like a reference to nothing: the object is not found.
 *
 * <p>The reads underneath use the same {@link PartnerScope} as a partner's own API reads, so what a partner may
 * assert and what it may see are one rule.
 */
@Service
public class Relationships {

    private final PurchaseOrders purchaseOrders;
    private final Shipments shipments;

    public Relationships(PurchaseOrders purchaseOrders, Shipments shipments) {
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
    }

    /**
     * The PO, locked for the change the sender's document makes, when the sender's relationship covers it: a
     * supplier's own; for a carrier, forwarder or broker, one carried by a shipment it is the carrier or broker of.
     */
    public Optional<PurchaseOrder> order(Partner sender, String poNumber) {
        return order(sender, poNumber, false);
    }

    /**
     * As {@link #order(Partner, String)}, for a test document ({@code test}) or a production one: test POs, made by
     * ops for a partner's certification, are out of reach of production documents.
     */
    public Optional<PurchaseOrder> order(Partner sender, String poNumber, boolean test) {
        if (poNumber == null || !PurchaseOrderNumber.isValid(poNumber)) {
            return Optional.empty();
        }
        return purchaseOrders
                .lock(PurchaseOrderNumber.of(poNumber))
                .filter(order -> (test || !order.test()) && covers(sender, order));
    }

    /** Whether the sender's relationship covers the PO (see {@link #order}). */
    public boolean covers(Partner sender, PurchaseOrder order) {
        if (sender.role() == PartnerRole.SUPPLIER) {
            return order.partnerId().equals(sender.id());
        }
        return !carrying(sender, order.number().value()).isEmpty();
    }

    /**
     * The shipments these references ({@code shipmentId}, {@code bol}, {@code pro}, {@code container}, {@code
     * booking}, {@code awb}) name inside the sender's relationship, best match first.
     */
    public List<Shipment> shipments(Partner sender, Map<String, String> references) {
        return shipments.byReferences(references, scope(sender));
    }

    /**
     * The shipments the sender reports on as their carrier or broker (a carrier's status, tender answer and freight
     * invoice; a broker's customs status) that these references name, best match first.
     */
    public List<Shipment> ownShipments(Partner sender, Map<String, String> references) {
        return shipments(sender, references).stream()
                .filter(s -> isPartyOf(sender, s))
                .toList();
    }

    /** Shipments carrying the PO that the sender is the carrier or broker of. */
    public List<Shipment> carrying(Partner sender, String poNumber) {
        if (sender.role() == PartnerRole.SUPPLIER || poNumber == null || !PurchaseOrderNumber.isValid(poNumber)) {
            return List.of();
        }
        return shipments
                .list(new ShipmentQuery(scope(sender), null, null, poNumber.trim(), Window.first(20)))
                .items()
                .stream()
                .filter(s -> isPartyOf(sender, s))
                .toList();
    }

    /** Whether the sender is the shipment's carrier (carriers and forwarders) or customs broker (brokers). */
    public static boolean isPartyOf(Partner sender, Shipment shipment) {
        return switch (sender.role()) {
            case CARRIER, FORWARDER -> sender.id().equals(shipment.carrierId());
            case BROKER -> sender.id().equals(shipment.brokerId());
            case SUPPLIER -> false;
        };
    }

    /**
     * A shipment outside the sender's relationship that the references name and that has no party of the sender's
     * kind yet (no carrier for a carrier or forwarder, no broker for a broker): ops may make the sender that party
     * when they accept its document. Never offered to the sender; it is for the task a person decides.
     */
    public Optional<Shipment> assignable(Partner sender, Map<String, String> references) {
        if (sender.role() == PartnerRole.SUPPLIER) {
            return Optional.empty();
        }
        List<Shipment> named = shipments.byReferences(references);
        if (named.size() != 1) {
            return Optional.empty();
        }
        Shipment shipment = named.get(0);
        PartnerId party = sender.role() == PartnerRole.BROKER ? shipment.brokerId() : shipment.carrierId();
        return party == null ? Optional.of(shipment) : Optional.empty();
    }

    /** Whether the references name any shipment at all, inside the sender's relationship or not. */
    public boolean nameAnyShipment(Map<String, String> references) {
        return !shipments.byReferences(references).isEmpty();
    }

    /**
     * Where something of the sender's message may be recorded: the subject its content names ({@code po/…},
     * {@code shipment/…}) when the sender's relationship covers it, else the message itself. An acknowledgement, a
     * reply or a workflow of a document naming another partner's PO never lands on that PO.
     */
    public Subject recordOn(Partner sender, Subject named, MessageId message) {
        Subject own = new Subject(Subject.MESSAGE, message.toString());
        if (named == null) {
            return own;
        }
        boolean covered =
                switch (named.kind()) {
                    case Subject.PURCHASE_ORDER -> PurchaseOrderNumber.isValid(named.key())
                            && purchaseOrders
                                    .find(PurchaseOrderNumber.of(named.key()), PartnerScope.everyone())
                                    .filter(order -> covers(sender, order))
                                    .isPresent();
                    case Subject.SHIPMENT -> !shipments(sender, Map.of("shipmentId", named.key()))
                            .isEmpty();
                    case Subject.MESSAGE -> named.key().equals(message.toString());
                    default -> false;
                };
        return covered ? named : own;
    }

    private static PartnerScope scope(Partner sender) {
        return PartnerScope.only(sender.id());
    }
}
