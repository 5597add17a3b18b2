package io.seamline.coordination.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.model.Subject;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskContextTest {

    private static final MessageId MESSAGE = MessageId.parse("0b9f1c36-8f0e-4b7e-9f55-0e7a4c1d2e3f");

    private static Task task(TaskKind kind, Map<String, Object> context) {
        return new Task(
                TaskId.random(),
                kind,
                Subject.purchaseOrder("4500012345"),
                null,
                TaskStatus.OPEN,
                "a task",
                context,
                List.of(),
                Instant.parse("2026-12-01T09:00:00Z"),
                null,
                null,
                null,
                null,
                null);
    }

    private final TaskContext.CommitmentChange change = new TaskContext.CommitmentChange(
            "4500012345",
            "2",
            "WID-200",
            "855",
            MESSAGE,
            new TaskContext.Ordered(new BigDecimal("120.000"), new BigDecimal("14.00"), LocalDate.of(2026, 12, 20)),
            new TaskContext.Proposed(LineStatus.CHANGED, null, LocalDate.of(2026, 12, 27), null),
            List.of(Map.of("rule", "commitment.date-slip")));

    @Test
    void isStoredInTheShapeTheApiHasAlwaysShown() {
        Map<String, Object> stored = TaskContext.toMap(change);

        assertThat(stored)
                .containsEntry("poNumber", "4500012345")
                .containsEntry("lineNumber", "2")
                .containsEntry("messageId", MESSAGE.toString())
                .containsEntry("ordered", Map.of("quantity", "120", "unitPrice", "14", "needByDate", "2026-12-20"))
                .containsEntry("proposed", Map.of("status", "CHANGED", "promisedDate", "2026-12-27"));
    }

    @Test
    void readsBackAsTheRecordItWasWrittenFrom() {
        var read = TaskContext.of(task(TaskKind.COMMITMENT_CHANGE, TaskContext.toMap(change)));

        assertThat(read).isInstanceOf(TaskContext.CommitmentChange.class);
        var back = (TaskContext.CommitmentChange) read;
        assertThat(back.proposed()).isEqualTo(change.proposed());
        assertThat(back.ordered().quantity()).isEqualByComparingTo("120");
        assertThat(back.messageId()).isEqualTo(MESSAGE);
    }

    @Test
    void aKeyANewerVersionAddedDoesNotStopAnOlderOneReadingIt() {
        var stored = new HashMap<>(TaskContext.toMap(change));
        stored.put("addedLater", "whatever");

        assertThat(TaskContext.of(task(TaskKind.COMMITMENT_CHANGE, stored), TaskContext.CommitmentChange.class)
                        .lineNumber())
                .isEqualTo("2");
    }

    @Test
    void tellsAnUnmatchedEventFromAMailNobodyCouldRead() {
        var unmatched = new TaskContext.UnmatchedEvent(
                "no PO 4500099999 of yours",
                List.of("4500099999"),
                List.of(),
                UUID.randomUUID(),
                MESSAGE,
                "856",
                new TaskContext.Assign(ShipmentId.of("SH-1002"), PartnerRole.CARRIER));
        var mail = new TaskContext.UnreadMail(MESSAGE, "jane@bright.example", "hello", "text", List.of(), List.of("?"));

        assertThat(TaskContext.of(task(TaskKind.UNMATCHED_MESSAGE, TaskContext.toMap(unmatched))))
                .isEqualTo(unmatched);
        assertThat(TaskContext.of(task(TaskKind.UNMATCHED_MESSAGE, TaskContext.toMap(mail))))
                .isEqualTo(mail);
    }

    @Test
    void tellsAFailedDeliveryFromABouncedMail() {
        var failed = new TaskContext.FailedDelivery(UUID.randomUUID(), MESSAGE, "sftp://x", "refused");
        var bounced = new TaskContext.BouncedMail(MESSAGE, "a@b.example", "5.1.1");

        assertThat(TaskContext.of(task(TaskKind.DELIVERY_FAILED, TaskContext.toMap(failed))))
                .isEqualTo(failed);
        assertThat(TaskContext.of(task(TaskKind.DELIVERY_FAILED, TaskContext.toMap(bounced))))
                .isEqualTo(bounced);
    }

    @Test
    void aDuplicateInvoiceSaysSoAndAFirstOneDoesNotMentionIt() {
        var first = new TaskContext.InvoiceException(
                "INV-1", null, new BigDecimal("10.00"), "USD", "po/4500012345", MESSAGE, "810", List.of(), false);
        var again = new TaskContext.InvoiceException(
                "INV-1", null, null, null, "po/4500012345", MESSAGE, "810", List.of(), true);

        assertThat(TaskContext.toMap(first)).doesNotContainKey("duplicate");
        assertThat(TaskContext.toMap(again)).containsEntry("duplicate", true);
    }

    @Test
    void readingATaskAsAnotherKindIsAnError() {
        var task = task(TaskKind.COMMITMENT_CHANGE, TaskContext.toMap(change));

        assertThatThrownBy(() -> TaskContext.of(task, TaskContext.DelayImpact.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no DelayImpact context");
    }
}
