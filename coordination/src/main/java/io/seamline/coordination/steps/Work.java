package io.seamline.coordination.steps;

import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.EventData;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import java.util.Objects;
import java.util.UUID;

/**
 * One canonical event on its way through correlate, coordinate and respond, with the partner that sent it, the
 * archived message it came in and its document type ({@code 855}, {@code ORDRSP}, {@code po.commitment.updated}).
 * Step keys derive from the event id, which derives from the message: running the message again yields the same keys.
 * A {@code test} event runs the same workflow through the recording side of the effects port: production does not
 * move.
 */
public record Work(CanonicalEvent event, Partner partner, ArchivedMessage message, String documentType, boolean test) {

    public Work {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(documentType, "documentType");
    }

    /** Production traffic (until the partner's lifecycle or a test marker says otherwise). */
    public Work(CanonicalEvent event, Partner partner, ArchivedMessage message, String documentType) {
        this(event, partner, message, documentType, false);
    }

    /** The same event, as test traffic. */
    public Work asTest() {
        return new Work(event, partner, message, documentType, true);
    }

    public UUID eventId() {
        return UUID.fromString(event.id());
    }

    /** A step key of this event: {@code <event id>:<step>}. */
    public String step(String step) {
        return event.id() + ":" + step;
    }

    /**
     * A step key of the message the event came in: {@code <message id>:<step>}, once however many of its events
     * take the step.
     */
    public String messageStep(String step) {
        return message.id() + ":" + step;
    }

    /** What the event is about by its own content, or the message when it says nothing. */
    public Subject subject() {
        String subject = event.subject();
        return subject == null ? new Subject(Subject.MESSAGE, message.id().toString()) : Subject.parse(subject);
    }

    /** Event ids derive from the message and the event's place in it. */
    public static CanonicalEvent eventOf(ArchivedMessage message, PartnerId partner, int index, EventData data) {
        UUID id = TimeOrderedIds.named(message.id() + "#" + index);
        return new CanonicalEvent(
                id.toString(),
                "/seamline/messages/" + message.id(),
                message.receivedAt(),
                partner,
                message.id(),
                message.channel(),
                data);
    }
}
