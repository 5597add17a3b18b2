package io.seamline.coordination.timeline;

import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.TenderAnswered;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** One line that says what a canonical event says, for timelines and task summaries. */
public final class Describe {

    private Describe() {}

    public static String event(EventData data) {
        if (data instanceof OrderAcknowledged ack) {
            return "PO " + ack.poNumber() + " acknowledged " + ack.ackType() + ": "
                    + (ack.lines().isEmpty()
                            ? "no lines"
                            : ack.lines().stream()
                                    .map(l -> "line " + l.lineNumber() + " " + l.status()
                                            + (l.promisedDate() == null ? "" : " for " + l.promisedDate()))
                                    .collect(Collectors.joining(", ")));
        }
        if (data instanceof CommitmentUpdated update) {
            return "Commitment for PO " + update.poNumber() + ": "
                    + update.lines().stream()
                            .map(l -> "line " + l.lineNumber()
                                    + (l.quantity() == null ? "" : " " + plain(l.quantity()))
                                    + (l.promisedDate() == null ? "" : " by " + l.promisedDate()))
                            .collect(Collectors.joining(", "));
        }
        if (data instanceof ShipmentAdvised notice) {
            return "Ship notice " + notice.shipmentId() + ": "
                    + notice.lines().stream()
                            .map(l -> plain(l.quantity()) + " of PO " + l.poNumber() + " line " + l.lineNumber())
                            .collect(Collectors.joining(", "))
                    + (notice.estimatedDelivery() == null ? "" : ", ETA " + notice.estimatedDelivery());
        }
        if (data instanceof ShipmentStatusReported status) {
            return "Shipment status " + status.status()
                    + (status.partnerStatusCode() == null ? "" : " (" + status.partnerStatusCode() + ")")
                    + (status.estimatedDelivery() == null ? "" : ", ETA " + status.estimatedDelivery())
                    + (status.location() == null || status.location().city() == null
                            ? ""
                            : " at " + status.location().city());
        }
        if (data instanceof TenderAnswered tender) {
            return "Tender for " + tender.shipmentId() + " " + tender.decision();
        }
        if (data instanceof InvoiceReceived invoice) {
            return invoice.kind() + " invoice " + invoice.invoiceNumber() + " for "
                    + (invoice.total() == null ? "?" : plain(invoice.total())) + " "
                    + (invoice.currency() == null ? "" : invoice.currency());
        }
        if (data instanceof CustomsStatusReported customs) {
            return "Customs entry " + customs.entryNumber() + " " + customs.status()
                    + (customs.reason() == null ? "" : ": " + customs.reason());
        }
        if (data instanceof FunctionalAckReceived ack) {
            return ack.functionalId() + " acknowledgement of group " + ack.ackedGroupControlNumber() + ": "
                    + ack.status();
        }
        if (data instanceof ApplicationAckReceived advice) {
            return "Application advice on " + advice.documentRef() + ": " + advice.status()
                    + (advice.errors().isEmpty() ? "" : " " + advice.errors());
        }
        if (data instanceof DocumentReceived document) {
            return document.documentType() + " document " + document.fileName();
        }
        return data.type();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
