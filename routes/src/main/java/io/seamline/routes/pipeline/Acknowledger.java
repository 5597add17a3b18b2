package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.InboundInterchanges;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.InterchangeOutcome;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.edi.ack.Acknowledgements;
import io.seamline.mappings.edi.outbound.OutboundEdi;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Acknowledges each interchange of an EDI message as its partner's profile asks (997, 999, TA1, CONTRL): archived as
 * an outbound message linked to the inbound one and queued for delivery, once per interchange. A duplicate
 * interchange gets the acknowledgement sent for its first copy again.
 */
@Component
public class Acknowledger {

    private final Relationships relationships;
    private final Responder responder;
    private final InboundInterchanges interchanges;
    private final Messages messages;
    private final Outbox outbox;
    private final Timeline timeline;
    private final Clock clock;

    public Acknowledger(
            Relationships relationships,
            Responder responder,
            InboundInterchanges interchanges,
            Messages messages,
            Outbox outbox,
            Timeline timeline,
            Clock clock) {
        this.relationships = relationships;
        this.responder = responder;
        this.interchanges = interchanges;
        this.messages = messages;
        this.outbox = outbox;
        this.timeline = timeline;
        this.clock = clock;
    }

    public Normalized acknowledge(Normalized normalized) {
        ArchivedMessage message = normalized.message();
        Normalized acknowledged = normalized;
        for (InterchangeOutcome outcome : normalized.interchanges()) {
            if (outcome.partner() == null || outcome.controlNumber() == null) {
                continue;
            }
            Subject subject = subjectOf(normalized, outcome);
            if (outcome.duplicate()) {
                acknowledgeAgain(message, outcome, subject);
                continue;
            }
            String step = "ack:" + message.id() + ":" + outcome.controlNumber();
            Optional<OutboundEdi> ack = Acknowledgements.forInterchange(
                    outcome.result(),
                    outcome.profile(),
                    responder.numbers(outcome.partner().id()),
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (ack.isEmpty()) {
                continue;
            }
            ArchivedMessage sent = responder.sendEdi(
                    outcome.partner(),
                    Responder.edi(
                                    ack.get(),
                                    subject,
                                    message.id(),
                                    ack.get().documentType() + " for interchange " + outcome.controlNumber(),
                                    step)
                            .test(test(normalized, outcome)));
            interchanges.acknowledged(outcome.partner().id(), outcome.registered(), sent.id());
            // the acknowledgement was archived as related to the message; the message learns of it when it completes
            acknowledged = acknowledged.acknowledgedBy(sent.id());
        }
        return acknowledged;
    }

    private void acknowledgeAgain(ArchivedMessage message, InterchangeOutcome outcome, Subject subject) {
        Optional<MessageId> first =
                interchanges.acknowledgementOf(outcome.partner().id(), outcome.registered());
        if (first.isEmpty()) {
            return;
        }
        ArchivedMessage ack =
                messages.find(first.get(), PartnerScope.everyone()).orElseThrow();
        OutboundDelivery previous =
                outbox.forMessage(ack.id()).stream().findFirst().orElse(null);
        if (previous == null) {
            return;
        }
        String step = "reack:" + message.id() + ":" + outcome.controlNumber();
        outbox.enqueue(
                new OutboundDelivery(
                        TimeOrderedIds.at(clock.instant()),
                        ack.id(),
                        previous.partnerId(),
                        previous.channel(),
                        previous.target(),
                        DeliveryStatus.PENDING,
                        0,
                        clock.instant(),
                        null,
                        clock.instant(),
                        null,
                        subject.toString()),
                step);
        messages.linkAcknowledgement(message.id(), ack.id());
        timeline.remember(
                subject,
                TimelineKind.RESPONSE,
                "Duplicate interchange " + outcome.controlNumber() + " acknowledged again with " + ack.documentType()
                        + " " + ack.controlNumbers().interchange(),
                Timeline.SYSTEM,
                Map.of(
                        "messageId",
                        ack.id().toString(),
                        "duplicateMessageId",
                        message.id().toString()),
                message.id(),
                step);
    }

    /** An interchange marked as a test, or a message that ran as test traffic: its acknowledgement is one too. */
    private static boolean test(Normalized normalized, InterchangeOutcome outcome) {
        return normalized.message().test()
                || (outcome.result().envelope() != null
                        && outcome.result().envelope().test())
                || normalized.work().stream().anyMatch(Work::test);
    }

    /**
     * The acknowledgement shows on the timeline of what the interchange was about when the sender's relationship
     * covers it (test traffic: on the message's, never on production's), else on the message's.
     */
    private Subject subjectOf(Normalized normalized, InterchangeOutcome outcome) {
        List<Work> work = normalized.work();
        return work.isEmpty() || test(normalized, outcome)
                ? new Subject(Subject.MESSAGE, normalized.message().id().toString())
                : relationships.recordOn(
                        work.get(0).partner(),
                        work.get(0).subject(),
                        normalized.message().id());
    }
}
