package io.seamline.portal.web.messages;

import io.seamline.coordination.lookup.Outcome;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a partner is told about its message, in sentences: each statement it made and what became of it — applied at
 * once, or sent to our team for review. It never repeats our reasons (they name our tolerances); internal users see
 * those on the timeline and the task.
 */
public record OutcomeView(String messageId, boolean pending, String tone, String headline, List<Statement> statements) {

    /** One statement of the message and what became of it; {@code review} is the task that holds it, if any. */
    public record Statement(String what, String result, String tone, Task review) {}

    public static OutcomeView of(Outcome outcome) {
        String id = outcome.message().id().toString();
        if (outcome.pending()) {
            return new OutcomeView(id, true, "info", "Received; deciding…", List.of());
        }
        if (outcome.refusal().isPresent()) {
            return new OutcomeView(
                    id, false, "error", "Not accepted: " + outcome.refusal().get(), List.of());
        }
        MessageStatus status = outcome.message().status();
        if (status == MessageStatus.DUPLICATE) {
            return new OutcomeView(id, false, "warn", "Already received earlier; nothing changed.", List.of());
        }
        if (status == MessageStatus.QUARANTINED) {
            return new OutcomeView(id, false, "warn", "Kept aside for our team to look at.", List.of());
        }
        var statements = new ArrayList<Statement>();
        for (CanonicalEvent event : outcome.events()) {
            statements.addAll(statements(event.data(), outcome));
        }
        outcome.reviews().stream()
                .filter(t -> t.kind() == TaskKind.UNMATCHED_MESSAGE)
                .forEach(t -> statements.add(new Statement(
                        "The message",
                        "could not be matched to an order or shipment; our team will look at it",
                        "warn",
                        t)));
        boolean reviewed = statements.stream().anyMatch(s -> s.review() != null);
        return new OutcomeView(
                id,
                false,
                reviewed ? "warn" : "ok",
                reviewed ? "Received; some of it is with our team for review." : "Received and applied.",
                statements);
    }

    private static List<Statement> statements(EventData data, Outcome outcome) {
        if (data instanceof CommitmentUpdated commitment) {
            return commitment.lines().stream()
                    .map(l -> line(commitment.poNumber(), l.lineNumber(), outcome))
                    .toList();
        }
        if (data instanceof OrderAcknowledged ack) {
            if (ack.lines().isEmpty()) {
                var reviews = outcome.reviews().stream()
                        .filter(t -> t.kind() == TaskKind.COMMITMENT_CHANGE)
                        .toList();
                return List.of(new Statement(
                        "PO " + ack.poNumber() + " "
                                + ack.ackType()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' '),
                        reviews.isEmpty() ? "recorded" : "sent to our team for review",
                        reviews.isEmpty() ? "ok" : "warn",
                        reviews.isEmpty() ? null : reviews.get(0)));
            }
            return ack.lines().stream()
                    .map(l -> line(ack.poNumber(), l.lineNumber(), outcome))
                    .toList();
        }
        if (data instanceof ShipmentAdvised notice) {
            return List.of(bySubject("Ship notice " + notice.shipmentId(), "recorded", data, outcome));
        }
        if (data instanceof InvoiceReceived invoice) {
            return List.of(bySubject("Invoice " + invoice.invoiceNumber(), "accepted", data, outcome));
        }
        if (data instanceof ShipmentStatusReported status) {
            return List.of(bySubject(
                    "Status " + status.status() + " for shipment "
                            + Objects.requireNonNullElse(status.references().shipmentId(), ""),
                    "recorded",
                    data,
                    outcome));
        }
        if (data instanceof CustomsStatusReported customs) {
            return List.of(bySubject(
                    "Customs entry " + customs.entryNumber() + ": " + customs.status(), "recorded", data, outcome));
        }
        if (data instanceof DocumentReceived document) {
            return List.of(new Statement(
                    document.documentType() + " " + document.fileName(),
                    document.subject() == null
                            ? "kept"
                            : "filed on " + document.subject().replace('/', ' '),
                    "ok",
                    null));
        }
        return List.of();
    }

    private static Statement line(String po, String lineNumber, Outcome outcome) {
        Task review = outcome.reviewOf(lineNumber).orElse(null);
        return new Statement(
                "PO " + po + " line " + lineNumber,
                review == null ? "applied" : "sent to our team for review",
                review == null ? "ok" : "warn",
                review);
    }

    private static Statement bySubject(String what, String done, EventData data, Outcome outcome) {
        Task review = outcome.reviews().stream()
                .filter(t -> t.kind() != TaskKind.UNMATCHED_MESSAGE)
                .filter(t -> data.subject() == null
                        || data.subject().equals(t.subject().toString()))
                .findFirst()
                .orElse(null);
        return new Statement(
                what, review == null ? done : "sent to our team for review", review == null ? "ok" : "warn", review);
    }
}
