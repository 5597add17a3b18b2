package io.seamline.coordination.lookup;

import io.seamline.coordination.tasks.TaskContext;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.task.Task;
import io.seamline.model.timeline.TimelineEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a partner's message so far: its state, the canonical events it became, the timeline entries it
 * led to (as far as the reader may see them) and the tasks it opened for a person. The portal answers a supplier's
 * change with it: applied at once, or sent for review.
 */
public record Outcome(
        ArchivedMessage message, List<CanonicalEvent> events, List<TimelineEntry> entries, List<Task> reviews) {

    public Outcome {
        Objects.requireNonNull(message, "message");
        events = List.copyOf(events);
        entries = List.copyOf(entries);
        reviews = List.copyOf(reviews);
    }

    /** Still waiting in the pipeline. */
    public boolean pending() {
        return message.status() == MessageStatus.RECEIVED;
    }

    /** Refused as it was: why, for the partner. */
    public Optional<String> refusal() {
        return message.status() == MessageStatus.REJECTED || message.status() == MessageStatus.FAILED
                ? Optional.of(message.statusReason() == null ? "refused" : message.statusReason())
                : Optional.empty();
    }

    /** The review opened for a PO line, if the message's statement about it went to a person. */
    public Optional<Task> reviewOf(String lineNumber) {
        return reviews.stream()
                .filter(t -> lineNumber.equals(lineNumberOf(TaskContext.of(t))))
                .findFirst();
    }

    private static String lineNumberOf(TaskContext context) {
        if (context instanceof TaskContext.CommitmentChange change) {
            return change.lineNumber();
        }
        return context instanceof TaskContext.AsnDiscrepancy discrepancy ? discrepancy.lineNumber() : null;
    }
}
