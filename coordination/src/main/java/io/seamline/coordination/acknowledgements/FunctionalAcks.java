package io.seamline.coordination.acknowledgements;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.task.TaskKind;
import io.seamline.model.timeline.TimelineKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A partner's functional acknowledgement (997, 999, CONTRL) of a group we sent: accepting, our message is
 * ACKNOWLEDGED and the acknowledgement it owed is met; rejecting, an ACK_REJECTED task asks a person to fix and resend.
 * Transport-level: it counts for no autonomy figure.
 */
@Component
class FunctionalAcks implements DocumentWorkflow {

    private final Messages messages;
    private final Outbox outbox;

    FunctionalAcks(Messages messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(FunctionalAckReceived.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.ACK_REJECTED);
    }

    @Override
    public boolean countsForAutonomy() {
        return false;
    }

    /** Our message to the sender with the acknowledged control numbers; the sender's own message when none. */
    @Override
    public Correlation correlate(Work work) {
        var ack = (FunctionalAckReceived) work.event().data();
        Optional<ArchivedMessage> ours = messages.sentWithControl(
                work.partner().id(), ack.ackedGroupControlNumber(), ack.ackedInterchangeControlNumber());
        Subject subject =
                ours.map(m -> new Subject(Subject.MESSAGE, m.id().toString())).orElse(Matching.messageSubject(work));
        return new Correlation(subject, List.of(), Map.of(), null, ours.orElse(null), null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var ack = (FunctionalAckReceived) work.event().data();
        ArchivedMessage ours = correlated.correlation().answered();
        if (ours == null) {
            effects.note(
                    correlated.correlation().subject(),
                    TimelineKind.EVENT,
                    "Acknowledgement of group " + ack.ackedGroupControlNumber() + " matches nothing we sent",
                    Timeline.SYSTEM,
                    Map.of("messageId", work.message().id().toString()),
                    work.message().id(),
                    work.step("unknown"));
            return List.of();
        }
        Subject subject = outbox.subjectOf(ours.id())
                .map(Subject::parse)
                .orElse(correlated.correlation().subject());
        boolean accepted = ack.status() == FunctionalAckReceived.Status.ACCEPTED
                || ack.status() == FunctionalAckReceived.Status.ACCEPTED_WITH_ERRORS;
        effects.acknowledgedBy(ours.id(), work.message().id(), accepted);
        effects.remember(
                subject,
                TimelineKind.EVENT,
                "Our " + ours.documentType() + " " + ours.controlNumbers().interchange() + " acknowledged by "
                        + work.partner().id() + ": " + ack.status(),
                "partner:" + work.partner().id(),
                Map.of(
                        "messageId",
                        ours.id().toString(),
                        "ackMessageId",
                        work.message().id().toString()),
                work.message().id(),
                work.step("ack"));
        if (!accepted) {
            effects.openTask(
                    Rejections.context(
                            ours,
                            work,
                            ack.sets().stream()
                                    .flatMap(s -> s.errors().stream())
                                    .toList()),
                    subject,
                    work.partner().id(),
                    work.partner().id() + " rejected our " + ours.documentType() + " (group "
                            + ack.ackedGroupControlNumber() + ")",
                    Rejections.SUGGESTIONS,
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        effects.meet(
                SlaProfile.Kind.ACK_FUNCTIONAL,
                null,
                ours.id().toString(),
                work.message().id());
        return List.of();
    }

    @Override
    public String describe(EventData data) {
        var ack = (FunctionalAckReceived) data;
        return ack.functionalId() + " acknowledgement of group " + ack.ackedGroupControlNumber() + ": " + ack.status();
    }
}
