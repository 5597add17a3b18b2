package io.seamline.routes.pipeline;

import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import io.seamline.routes.email.MailFacts;
import java.util.List;
import java.util.Objects;

/**
 * A message read into canonical events ({@code work}), what became of each of its interchanges (EDI only), and how
 * the message ends: PROCESSED, REJECTED (nothing usable in it), DUPLICATE (everything in it came before) or
 * QUARANTINED (a mail that cannot be read or is from no partner), with the reason; for a mail, what its reply needs.
 */
public record Normalized(
        ArchivedMessage message,
        List<Work> work,
        List<InterchangeOutcome> interchanges,
        MessageStatus status,
        String reason,
        MailFacts mail) {

    public Normalized(
            ArchivedMessage message,
            List<Work> work,
            List<InterchangeOutcome> interchanges,
            MessageStatus status,
            String reason) {
        this(message, work, interchanges, status, reason, null);
    }

    public Normalized {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        work = List.copyOf(work);
        interchanges = List.copyOf(interchanges);
    }
}
