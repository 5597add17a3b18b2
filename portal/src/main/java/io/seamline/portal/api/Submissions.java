package io.seamline.portal.api;

import io.seamline.mappings.json.ApiDocuments;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.portal.security.Caller;
import io.seamline.routes.lookup.Lookup;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Partner documents as canonical JSON, whichever door they come in by (REST or SOAP): the same checks of what the
 * caller may submit for, the same intake.
 */
@Component
public class Submissions {

    private final Intake intake;
    private final Lookup lookup;

    public Submissions(Intake intake, Lookup lookup) {
        this.intake = intake;
        this.lookup = lookup;
    }

    /** A document from the caller's own partner ({@code partner} for an internal caller acting for one). */
    public Received document(ApiDocuments kind, byte[] json, PartnerId partner) {
        return intake.document(kind, json, partner, null, Map.of());
    }

    /** A status of a shipment the caller carries (or, internal, of any shipment, as its carrier). */
    public Received shipmentStatus(byte[] json, String shipmentId, Caller caller) {
        Optional<Shipment> shipment = ShipmentId.isValid(shipmentId)
                ? lookup.shipment(ShipmentId.of(shipmentId), caller.scope())
                : Optional.empty();
        if (shipment.isEmpty()) {
            return new Received.Refused(null, Received.Reason.NOT_FOUND, "shipment " + shipmentId, List.of());
        }
        PartnerId partner = caller.partnerId().orElse(shipment.get().carrierId());
        if (partner == null) {
            return new Received.Refused(
                    null, Received.Reason.NOT_FOUND, "shipment " + shipmentId + " has no carrier yet", List.of());
        }
        return intake.document(
                ApiDocuments.SHIPMENT_STATUS,
                json,
                partner,
                "shipment/" + shipmentId,
                Map.of("shipmentId", shipmentId));
    }
}
