package io.seamline.coordination.acknowledgements;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.task.TaskKind;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Partners' acknowledgements of what we sent. A 997/999/CONTRL that accepts our group marks our message
 * ACKNOWLEDGED; one that rejects it (or an 824/APERAK that rejects our document) opens an ACK_REJECTED task.
 */
@Component
public class AckReconciliation {

    private final Messages messages;
    private final Outbox outbox;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final Clock clock;

    public AckReconciliation(
            Messages messages, Outbox outbox, TaskOpening taskOpening, Timeline timeline, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.clock = clock;
    }

    public List<Response> functional(Correlated correlated) {
        Work work = correlated.work();
        var ack = (FunctionalAckReceived) work.event().data();
        ArchivedMessage ours = correlated.correlation().answered();
        if (ours == null) {
            timeline.note(
                    work.subject(),
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
        messages.linkAcknowledgement(ours.id(), work.message().id());
        if (accepted) {
            messages.transition(
                    ours.id(),
                    List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED),
                    MessageStatus.ACKNOWLEDGED,
                    null,
                    clock.instant());
        }
        timeline.remember(
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
            taskOpening.open(
                    TaskKind.ACK_REJECTED,
                    subject,
                    work.partner().id(),
                    work.partner().id() + " rejected our " + ours.documentType() + " (group "
                            + ack.ackedGroupControlNumber() + ")",
                    context(
                            ours,
                            work,
                            ack.sets().stream()
                                    .flatMap(s -> s.errors().stream())
                                    .toList()),
                    List.of(Map.of("decision", "APPROVE", "effect", "the problem is fixed and the document resent")),
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        return List.of();
    }

    public List<Response> application(Correlated correlated) {
        Work work = correlated.work();
        var advice = (ApplicationAckReceived) work.event().data();
        if (advice.status() == ApplicationAckReceived.Status.REJECTED) {
            taskOpening.open(
                    TaskKind.ACK_REJECTED,
                    correlated.correlation().subject(),
                    work.partner().id(),
                    work.partner().id() + " rejected " + advice.documentRef() + ": " + advice.errors(),
                    context(null, work, advice.errors()),
                    List.of(Map.of("decision", "APPROVE", "effect", "the problem is fixed and the document resent")),
                    work.eventId(),
                    work.message().id(),
                    work.step("task"));
        }
        return List.of();
    }

    private static Map<String, Object> context(ArchivedMessage ours, Work work, List<String> errors) {
        var context = new LinkedHashMap<String, Object>();
        if (ours != null) {
            context.put("rejectedMessageId", ours.id().toString());
            context.put("documentType", ours.documentType());
        }
        context.put("messageId", work.message().id().toString());
        context.put("errors", errors);
        return context;
    }
}
