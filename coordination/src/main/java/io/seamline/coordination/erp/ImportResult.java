package io.seamline.coordination.erp;

import io.seamline.mappings.FieldProblem;
import io.seamline.model.UpsertOutcome;
import java.util.List;
import java.util.Map;

/** The outcome of an ERP import: everything applied, or nothing (with every reason). */
public sealed interface ImportResult {

    /**
     * Applied: what happened to each purchase order, shipment or goods receipt (CREATED when applied, UNCHANGED when it
     * was applied before), by number.
     */
    record Applied(
            Map<String, UpsertOutcome> purchaseOrders,
            Map<String, UpsertOutcome> shipments,
            Map<String, UpsertOutcome> receipts)
            implements ImportResult {

        public Applied {
            purchaseOrders = Map.copyOf(purchaseOrders);
            shipments = Map.copyOf(shipments);
            receipts = Map.copyOf(receipts);
        }

        public Applied(Map<String, UpsertOutcome> purchaseOrders, Map<String, UpsertOutcome> shipments) {
            this(purchaseOrders, shipments, Map.of());
        }

        public long count(UpsertOutcome outcome) {
            return purchaseOrders.values().stream().filter(outcome::equals).count()
                    + shipments.values().stream().filter(outcome::equals).count()
                    + receipts.values().stream().filter(outcome::equals).count();
        }
    }

    /** Nothing was written. {@code conflict} is true when the data contradicts what we hold (a PO's supplier). */
    record Rejected(List<FieldProblem> problems, boolean conflict) implements ImportResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
