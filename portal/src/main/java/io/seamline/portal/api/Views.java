package io.seamline.portal.api;

import io.seamline.model.Money;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.task.Task;
import io.seamline.model.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The API's representations, named as DESIGN.md names them ({@code poNumber}, {@code shipmentId}). */
public final class Views {

    private Views() {}

    public record PurchaseOrderView(
            String poNumber,
            String partnerId,
            String currency,
            LocalDate orderDate,
            PurchaseOrderStatus status,
            List<LineView> lines) {

        static PurchaseOrderView of(PurchaseOrder po) {
            return new PurchaseOrderView(
                    po.number().value(),
                    po.partnerId().value(),
                    po.currency(),
                    po.orderDate(),
                    po.status(),
                    po.lines().stream().map(LineView::of).toList());
        }
    }

    public record LineView(
            String lineNumber,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate needByDate,
            BigDecimal promisedQuantity,
            LocalDate promisedDate,
            BigDecimal shippedQuantity,
            BigDecimal receivedQuantity,
            BigDecimal invoicedQuantity,
            BigDecimal openQuantity,
            LineStatus status,
            String category) {

        static LineView of(PurchaseOrderLine l) {
            return new LineView(
                    l.lineNumber(),
                    l.itemId(),
                    l.partnerItemId(),
                    l.quantity(),
                    l.unit(),
                    l.unitPrice(),
                    l.needByDate(),
                    l.promisedQuantity(),
                    l.promisedDate(),
                    l.shippedQuantity(),
                    l.receivedQuantity(),
                    l.invoicedQuantity(),
                    l.openQuantity(),
                    l.status(),
                    l.category());
        }
    }

    public record ShipmentView(
            String shipmentId,
            String carrierId,
            String brokerId,
            ShipmentReferences references,
            List<String> poNumbers,
            LocalDate plannedDelivery,
            LocalDateTime estimatedDelivery,
            Money expectedFreight,
            ShipmentStatus status) {

        static ShipmentView of(Shipment s) {
            return new ShipmentView(
                    s.id().value(),
                    s.carrierId() == null ? null : s.carrierId().value(),
                    s.brokerId() == null ? null : s.brokerId().value(),
                    s.references(),
                    s.poNumbers().stream().map(Object::toString).toList(),
                    s.plannedDelivery(),
                    s.estimatedDelivery(),
                    s.expectedFreight(),
                    s.status());
        }
    }

    public record MessageView(
            String id,
            String direction,
            String channel,
            String transport,
            String format,
            String partnerId,
            String status,
            String statusReason,
            String documentType,
            ControlNumbers controlNumbers,
            String sha256,
            long sizeBytes,
            String mediaType,
            String fileName,
            Instant receivedAt,
            Instant processedAt,
            String relatedMessageId,
            String acknowledgementMessageId,
            String raw,
            List<Object> events,
            boolean test,
            List<Object> wouldHave) {

        static MessageView of(ArchivedMessage m, List<Object> events) {
            return of(m, events, null);
        }

        /** {@code wouldHave}: for a test message, what it would have done in production (else null). */
        static MessageView of(ArchivedMessage m, List<Object> events, List<Object> wouldHave) {
            return new MessageView(
                    m.id().toString(),
                    m.direction().name(),
                    m.channel().name(),
                    m.transport(),
                    m.format().name(),
                    m.partnerId() == null ? null : m.partnerId().value(),
                    m.status().name(),
                    m.statusReason(),
                    m.documentType(),
                    m.controlNumbers(),
                    m.sha256(),
                    m.sizeBytes(),
                    m.mediaType(),
                    m.fileName(),
                    m.receivedAt(),
                    m.processedAt(),
                    m.relatedMessageId() == null ? null : m.relatedMessageId().toString(),
                    m.ackMessageId() == null ? null : m.ackMessageId().toString(),
                    "/api/v1/messages/" + m.id() + "/raw",
                    events,
                    m.test(),
                    m.test() ? wouldHave : null);
        }
    }

    public record TaskView(
            String id,
            String kind,
            String subject,
            String partnerId,
            String status,
            String summary,
            Map<String, Object> context,
            List<Map<String, Object>> suggestions,
            Instant createdAt,
            Instant dueAt,
            String decision,
            String decidedBy,
            String comment,
            Instant decidedAt) {

        static TaskView of(Task t) {
            return new TaskView(
                    t.id().toString(),
                    t.kind().name(),
                    t.subject().toString(),
                    t.partnerId() == null ? null : t.partnerId().value(),
                    t.status().name(),
                    t.summary(),
                    t.context(),
                    t.suggestions(),
                    t.createdAt(),
                    t.dueAt(),
                    t.decision() == null ? null : t.decision().name(),
                    t.decidedBy(),
                    t.comment(),
                    t.decidedAt());
        }
    }

    public record TimelineEntryView(
            Instant at, String kind, String summary, String actor, Map<String, Object> details, String messageId) {

        static TimelineEntryView of(TimelineEntry e) {
            return new TimelineEntryView(
                    e.at(),
                    e.kind().name(),
                    e.summary(),
                    e.actor(),
                    e.details(),
                    e.messageId() == null ? null : e.messageId().toString());
        }
    }
}
