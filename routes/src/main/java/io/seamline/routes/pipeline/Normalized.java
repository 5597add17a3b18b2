package io.seamline.routes.pipeline;

import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import java.util.List;
import java.util.Objects;

/**
 * A message read into canonical events ({@code work}), what became of each of its interchanges (EDI only), and how
 * the message ends: PROCESSED, REJECTED (nothing usable in it) or DUPLICATE (everything in it came before), with the
 * reason.
 */
public record Normalized(
        ArchivedMessage message,
        List<Work> work,
        List<InterchangeOutcome> interchanges,
        MessageStatus status,
        String reason) {

    public Normalized {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        work = List.copyOf(work);
        interchanges = List.copyOf(interchanges);
    }
}
