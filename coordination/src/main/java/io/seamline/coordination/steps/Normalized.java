package io.seamline.coordination.steps;

import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import java.util.List;
import java.util.Objects;

/**
 * A message read into canonical events ({@code work}), what became of each of its interchanges (EDI only), and how
 * the message ends: PROCESSED, REJECTED (nothing usable in it), DUPLICATE (everything in it came before) or
 * QUARANTINED (a mail that cannot be read or is from no partner), with the reason; for a mail, what its reply needs.
 * {@code described} is what reading the envelope told about the message (null when it told nothing), and
 * {@code acknowledgement} the acknowledgement sent for it (null until one is); both are recorded on the message
 * when it completes.
 */
public record Normalized(
        ArchivedMessage message,
        List<Work> work,
        List<InterchangeOutcome> interchanges,
        MessageStatus status,
        String reason,
        MailFacts mail,
        Described described,
        MessageId acknowledgement) {

    /** What reading the envelope told: the sender, the document types and the control numbers. */
    public record Described(PartnerId partner, String documentTypes, ControlNumbers controls) {}

    public Normalized(
            ArchivedMessage message,
            List<Work> work,
            List<InterchangeOutcome> interchanges,
            MessageStatus status,
            String reason) {
        this(message, work, interchanges, status, reason, null, null, null);
    }

    public Normalized(
            ArchivedMessage message,
            List<Work> work,
            List<InterchangeOutcome> interchanges,
            MessageStatus status,
            String reason,
            MailFacts mail) {
        this(message, work, interchanges, status, reason, mail, null, null);
    }

    public Normalized {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        work = List.copyOf(work);
        interchanges = List.copyOf(interchanges);
    }

    /** The partner the message is from: as reading it told, else as the channel that brought it said. */
    public PartnerId partner() {
        return described != null && described.partner() != null ? described.partner() : message.partnerId();
    }

    public Normalized describedAs(Described what) {
        return new Normalized(message, work, interchanges, status, reason, mail, what, acknowledgement);
    }

    public Normalized acknowledgedBy(MessageId ack) {
        return new Normalized(message, work, interchanges, status, reason, mail, described, ack);
    }
}
