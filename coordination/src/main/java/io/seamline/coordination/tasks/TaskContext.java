package io.seamline.coordination.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.seamline.mappings.json.Json;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a person needs to decide a task: one record per task kind, and per shape where a kind has two (an event that
 * matched nothing, or a mail nobody could read; a delivery that failed for good, or a mail that bounced). It is stored
 * with the task as JSON (the API and the portal show it as such) and read back whole, never key by key.
 */
public sealed interface TaskContext {

    /** The kind of task this context belongs to. */
    TaskKind taskKind();

    /** A supplier's proposal for a PO line outside the agreed tolerances. */
    record CommitmentChange(
            String poNumber,
            String lineNumber,
            String itemId,
            String documentType,
            MessageId messageId,
            Ordered ordered,
            Proposed proposed,
            List<Map<String, Object>> decisions)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.COMMITMENT_CHANGE;
        }
    }

    /** What the line was ordered as. */
    record Ordered(
            @JsonSerialize(using = PlainNumber.class) BigDecimal quantity,
            @JsonSerialize(using = PlainNumber.class) BigDecimal unitPrice,
            LocalDate needByDate) {}

    /** What the supplier proposes for the line (null where it says nothing). */
    record Proposed(
            OrderAcknowledged.LineStatus status,
            @JsonSerialize(using = PlainNumber.class) BigDecimal quantity,
            LocalDate promisedDate,
            @JsonSerialize(using = PlainNumber.class) BigDecimal unitPrice) {}

    /** A ship notice carrying more of a PO line than is left to ship. */
    record AsnDiscrepancy(
            String poNumber,
            String lineNumber,
            ShipmentId shipmentId,
            MessageId messageId,
            String documentType,
            Map<String, Object> decision)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.ASN_DISCREPANCY;
        }
    }

    /** An invoice outside the audit's tolerances, or received a second time ({@code duplicate}). */
    record InvoiceException(
            String invoiceNumber,
            InvoiceReceived.Kind kind,
            BigDecimal total,
            String currency,
            String subject,
            MessageId messageId,
            String documentType,
            List<Map<String, Object>> decisions,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean duplicate)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.INVOICE_EXCEPTION;
        }
    }

    /** A carrier's new ETA that makes a PO late beyond what is agreed. */
    record DelayImpact(
            String poNumber,
            ShipmentId shipmentId,
            LocalDateTime estimatedDelivery,
            String reasonCode,
            MessageId messageId,
            Map<String, Object> decision)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.DELAY_IMPACT;
        }
    }

    /** A customs entry held or refused. */
    record CustomsHold(
            String entryNumber,
            CustomsStatusReported.Status status,
            String reason,
            List<String> documentsRequested,
            Map<String, String> references,
            MessageId messageId)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.CUSTOMS_HOLD;
        }
    }

    /** A partner refused a document of ours (its 997/CONTRL or 824/APERAK says why). */
    record AckRejected(MessageId rejectedMessageId, String documentType, MessageId messageId, List<String> errors)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.ACK_REJECTED;
        }
    }

    /** A carrier declined one of our load tenders, or accepted it with conditions. */
    record TenderDeclined(ShipmentId shipmentId, TenderAnswered.Decision decision, String conditions)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.TENDER_DECLINED;
        }
    }

    /**
     * A partner's event that matched nothing of ours inside its relationship, with the ranked candidates; {@code
     * assign} when accepting it makes the partner a shipment's carrier or broker.
     */
    record UnmatchedEvent(
            String reason,
            List<String> missingPoNumbers,
            List<Map<String, Object>> candidates,
            UUID eventId,
            MessageId messageId,
            String documentType,
            Assign assign)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.UNMATCHED_MESSAGE;
        }
    }

    /** Whom accepting an unmatched document makes a shipment's carrier or broker. */
    record Assign(ShipmentId shipmentId, PartnerRole role) {}

    /** A partner's mail the gateway could not read, shown whole to a person. */
    record UnreadMail(
            MessageId messageId,
            String from,
            String subject,
            String text,
            List<String> attachments,
            List<String> notUnderstood)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.UNMATCHED_MESSAGE;
        }
    }

    /** A delivery of ours that failed for good; approving the task retries it. */
    record FailedDelivery(UUID deliveryId, MessageId messageId, String target, String error) implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.DELIVERY_FAILED;
        }
    }

    /** A mail of ours that bounced. */
    record BouncedMail(MessageId messageId, String recipient, String status) implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.DELIVERY_FAILED;
        }
    }

    /** A deduction we propose, with what it rests on; approving sends it, rejecting withdraws it. */
    record DeductionProposed(
            UUID deductionId,
            String number,
            String reasonCode,
            @JsonSerialize(using = PlainNumber.class) BigDecimal amount,
            String currency,
            Map<String, Object> evidence)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.DEDUCTION;
        }
    }

    /** A partner's dispute of a deduction: approving upholds the deduction, rejecting reverses it. */
    record DeductionDisputed(
            UUID deductionId,
            String number,
            @JsonSerialize(using = PlainNumber.class) BigDecimal amount,
            String currency,
            String reason,
            MessageId messageId)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.DEDUCTION_DISPUTE;
        }
    }

    /** A receipt with more than was shipped: per line what was shipped and received. */
    record ReceiptDiscrepancy(String receiptId, String poNumber, List<Map<String, Object>> lines)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.RECEIPT_DISCREPANCY;
        }
    }

    /** A booking declined or confirmed with changes beyond the tolerance: what we asked for and what came back. */
    record BookingChange(
            String bookingNumber, ShipmentId shipmentId, String decision, List<String> changes, MessageId messageId)
            implements TaskContext {

        @Override
        public TaskKind taskKind() {
            return TaskKind.BOOKING_CHANGE;
        }
    }

    /** The context as stored with the task. */
    static Map<String, Object> toMap(TaskContext context) {
        return Contexts.MAPPER.convertValue(context, new TypeReference<>() {});
    }

    /** The context of a task, read back as its record (tasks stored before a field was added read it as null). */
    static TaskContext of(Task task) {
        Map<String, Object> stored = task.context();
        Class<? extends TaskContext> type =
                switch (task.kind()) {
                    case COMMITMENT_CHANGE -> CommitmentChange.class;
                    case ASN_DISCREPANCY -> AsnDiscrepancy.class;
                    case INVOICE_EXCEPTION -> InvoiceException.class;
                    case DELAY_IMPACT -> DelayImpact.class;
                    case CUSTOMS_HOLD -> CustomsHold.class;
                    case ACK_REJECTED -> AckRejected.class;
                    case TENDER_DECLINED -> TenderDeclined.class;
                    case UNMATCHED_MESSAGE -> stored.get("eventId") != null ? UnmatchedEvent.class : UnreadMail.class;
                    case DELIVERY_FAILED -> stored.get("deliveryId") != null ? FailedDelivery.class : BouncedMail.class;
                    case DEDUCTION -> DeductionProposed.class;
                    case DEDUCTION_DISPUTE -> DeductionDisputed.class;
                    case RECEIPT_DISCREPANCY -> ReceiptDiscrepancy.class;
                    case BOOKING_CHANGE -> BookingChange.class;
                };
        return Contexts.MAPPER.convertValue(stored, type);
    }

    /** Reads a task's context as the record its kind has; a task of another kind is a programming error. */
    static <T extends TaskContext> T of(Task task, Class<T> type) {
        TaskContext context = of(task);
        if (!type.isInstance(context)) {
            throw new IllegalStateException(
                    "task " + task.id() + " of kind " + task.kind() + " has no " + type.getSimpleName() + " context");
        }
        return type.cast(context);
    }

    /** Amounts and quantities as the plain text a person reads ({@code "1200"}, not {@code 1.2E+3}). */
    final class PlainNumber extends JsonSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.stripTrailingZeros().toPlainString());
        }
    }
}

/** The mapper task contexts are written and read with: Seamline's JSON, lenient to keys a newer version added. */
final class Contexts {

    static final ObjectMapper MAPPER = Json.configure(com.fasterxml.jackson.databind.json.JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Contexts() {}
}
