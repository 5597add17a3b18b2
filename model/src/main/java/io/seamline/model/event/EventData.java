package io.seamline.model.event;

import java.util.Set;

/** The {@code data} of a canonical event; each implementation is one event type of contract v1. */
public sealed interface EventData
        permits OrderAcknowledged,
                CommitmentUpdated,
                ShipmentAdvised,
                ShipmentStatusReported,
                TenderAnswered,
                InvoiceReceived,
                CustomsStatusReported,
                FunctionalAckReceived,
                ApplicationAckReceived,
                DocumentReceived,
                BookingConfirmed,
                DeductionDisputed {

    /** The CloudEvents {@code type}, such as {@code io.seamline.po.acknowledged.v1}. */
    String type();

    /** The primary correlation key, such as {@code po/4500012345}; null when the document names none. */
    String subject();

    /**
     * The purchase orders the event is about (a ship notice's, an invoice's), as the partner wrote them; empty when
     * it names none. What orders a partner's messages about one PO among the others.
     */
    default Set<String> purchaseOrders() {
        return Set.of();
    }

    static String type(String name) {
        return "io.seamline." + name + ".v1";
    }
}
