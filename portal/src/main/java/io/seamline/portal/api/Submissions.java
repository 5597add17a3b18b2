package io.seamline.portal.api;

import io.seamline.coordination.lookup.Lookup;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.message.Channel;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.portal.security.Caller;
import io.seamline.routes.pipeline.Attached;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Partner documents as canonical JSON, whichever door they come in by (REST, SOAP or the portal's forms): the same
 * checks of what the caller may submit for, the same intake. {@code channel} says which door.
 */
@Component
public class Submissions {

    private final Intake intake;
    private final Lookup lookup;
    private final PartnerDirectory partners;

    public Submissions(Intake intake, Lookup lookup, PartnerDirectory partners) {
        this.intake = intake;
        this.lookup = lookup;
        this.partners = partners;
    }

    /**
     * These submissions, or when {@code test} ones whose documents are tests: they run the real pipeline and change
     * nothing of production (a call with the test marker, credentials issued for testing, the portal's test mode).
     */
    public Submissions testing(boolean test) {
        return test ? new Submissions(intake.testing(true), lookup, partners) : this;
    }

    /**
     * A customs entry's status: only a customs broker reports one (what it may name is the shipments it is the broker
     * of, decided as for every document when it is correlated).
     */
    public Received customsStatus(Channel channel, byte[] json, Caller caller) {
        boolean broker = caller.partnerId()
                .flatMap(id -> partners.find(id, caller.scope()))
                .map(p -> p.role() == PartnerRole.BROKER)
                .orElse(false);
        if (!broker) {
            return new Received.Refused(
                    null, Received.Reason.NOT_YOURS, "customs status comes from a customs broker", List.of());
        }
        return document(channel, ApiDocuments.CUSTOMS_STATUS, json, caller.partner());
    }

    /** A document from the caller's own partner ({@code partner} for an internal caller acting for one). */
    public Received document(Channel channel, ApiDocuments kind, byte[] json, PartnerId partner) {
        return intake.document(channel, kind, json, partner, null, Map.of(), List.of());
    }

    /** A partner's dispute of one of its deductions (the caller may see it: checked by the caller of this). */
    public Received dispute(Channel channel, byte[] json, PartnerId partner, String number) {
        return intake.document(
                channel,
                ApiDocuments.DEDUCTION_DISPUTE,
                json,
                partner,
                "deduction/" + number,
                Map.of("deductionNumber", number),
                List.of());
    }

    /** An EU e-invoice (UBL, CII, ZUGFeRD / Factur-X) from the caller's own partner. */
    public Received einvoice(Channel channel, byte[] body, PartnerId partner) {
        return intake.einvoice(channel, body, partner);
    }

    /**
     * A document about one of the caller's shipments, with the files that go with it (a freight invoice and its proof
     * of delivery): the files are filed on the shipment.
     */
    public Received aboutShipment(
            Channel channel, ApiDocuments kind, byte[] json, String shipmentId, Caller caller, List<Attached> files) {
        return aboutShipment(channel, kind, json, shipmentId, caller, Map.of(), files);
    }

    /** A status of a shipment the caller carries (or, internal, of any shipment, as its carrier). */
    public Received shipmentStatus(Channel channel, byte[] json, String shipmentId, Caller caller) {
        return aboutShipment(
                channel,
                ApiDocuments.SHIPMENT_STATUS,
                json,
                shipmentId,
                caller,
                Map.of("shipmentId", shipmentId),
                List.of());
    }

    /**
     * From the shipment's carrier: the caller, or for an internal caller the carrier it acts for. A supplier sees the
     * shipments carrying its POs but reports on none of them: for it they are not found.
     */
    private Received aboutShipment(
            Channel channel,
            ApiDocuments kind,
            byte[] json,
            String shipmentId,
            Caller caller,
            Map<String, Object> fromPath,
            List<Attached> files) {
        Optional<Shipment> shipment = ShipmentId.isValid(shipmentId)
                ? lookup.shipment(ShipmentId.of(shipmentId), caller.scope())
                : Optional.empty();
        if (shipment.isEmpty()
                || caller.partnerId().isPresent()
                        && !caller.partner().equals(shipment.get().carrierId())) {
            return notFound("shipment " + shipmentId);
        }
        PartnerId partner = caller.partnerId().orElse(shipment.get().carrierId());
        if (partner == null) {
            return notFound("shipment " + shipmentId + " has no carrier yet");
        }
        return intake.document(channel, kind, json, partner, "shipment/" + shipmentId, fromPath, files);
    }

    /** The supplier's answer to one of its purchase orders (the same event as an 855). */
    public Received acknowledgement(Channel channel, byte[] json, String poNumber, Caller caller) {
        Optional<PurchaseOrder> order = ownOrder(poNumber, caller);
        if (order.isEmpty()) {
            return notFound("purchase order " + poNumber);
        }
        return intake.document(
                channel,
                ApiDocuments.PO_ACKNOWLEDGEMENT,
                json,
                order.get().partnerId(),
                "po/" + poNumber,
                Map.of("poNumber", poNumber),
                List.of());
    }

    /** A supplier's new promised dates and quantities for lines of one of its POs (the same event as an 865). */
    public Received commitment(Channel channel, byte[] json, String poNumber, Caller caller) {
        if (caller.partnerId().isPresent() && ownOrder(poNumber, caller).isEmpty()) {
            // a carrier sees the POs it carries, but only the supplier commits to them
            return notFound("purchase order " + poNumber);
        }
        return intake.commitment(channel, json, poNumber, caller.partnerId().orElse(null), caller.scope());
    }

    /** A PO the caller may answer for: its own as a supplier, any as an internal user. */
    private Optional<PurchaseOrder> ownOrder(String poNumber, Caller caller) {
        return PurchaseOrderNumber.isValid(poNumber)
                ? lookup.purchaseOrder(PurchaseOrderNumber.of(poNumber), caller.scope())
                        .filter(po -> caller.isInternal() || po.partnerId().equals(caller.partner()))
                : Optional.empty();
    }

    private static Received notFound(String what) {
        return new Received.Refused(null, Received.Reason.NOT_FOUND, what, List.of());
    }
}
