package io.seamline.coordination.steps;

import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.ShipmentId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why an event could not be matched, the PO numbers whose arrival from the ERP would let it match, and the
 * candidates a person may pick from, best first (each with a {@code score} from 0 to 1 and a {@code reason}).
 * {@code assignable} is a shipment the references name that has no party of the sender's kind yet: a person who
 * accepts the document makes the sender its carrier or broker (null otherwise).
 */
public record Unmatched(
        String reason, List<String> missingPoNumbers, List<Map<String, Object>> candidates, Assignable assignable) {

    public Unmatched {
        Objects.requireNonNull(reason, "reason");
        missingPoNumbers = List.copyOf(missingPoNumbers);
        candidates = List.copyOf(candidates);
    }

    public Unmatched(String reason, List<String> missingPoNumbers, List<Map<String, Object>> candidates) {
        this(reason, missingPoNumbers, candidates, null);
    }

    /** A shipment the sender may be made the carrier or broker of ({@code role} is the sender's). */
    public record Assignable(ShipmentId shipment, PartnerRole role) {

        public Assignable {
            Objects.requireNonNull(shipment, "shipment");
            Objects.requireNonNull(role, "role");
        }
    }
}
