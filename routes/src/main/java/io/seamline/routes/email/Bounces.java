package io.seamline.routes.email;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.email.Bounce;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A delivery report for one of our mails: the mail is FAILED with the server's words, and a person is asked. */
@Component
class Bounces {

    private final Messages messages;
    private final Outbox outbox;
    private final TaskOpening taskOpening;
    private final Timeline timeline;
    private final Clock clock;

    public Bounces(Messages messages, Outbox outbox, TaskOpening taskOpening, Timeline timeline, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.taskOpening = taskOpening;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Returns what the report was about, for the report's own status reason. */
    public String record(Bounce bounce, ArchivedMessage report) {
        Optional<ArchivedMessage> ours = bounce.originalMessageId() == null
                ? Optional.empty()
                : messages.byExternalId(Channel.EMAIL, Direction.OUTBOUND, bounce.originalMessageId(), report.id());
        if (ours.isEmpty()) {
            return "delivery report for a mail we do not know (" + bounce.originalMessageId() + ")";
        }
        ArchivedMessage mail = ours.get();
        String why = "bounced: " + (bounce.status() == null ? "" : bounce.status() + " ")
                + (bounce.diagnostic() == null ? "" : bounce.diagnostic());
        messages.transition(
                mail.id(),
                List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED, MessageStatus.ACKNOWLEDGED),
                MessageStatus.FAILED,
                why.trim(),
                clock.instant());
        Subject subject = outbox.subjectOf(mail.id())
                .map(Subject::parse)
                .orElse(new Subject(Subject.MESSAGE, mail.id().toString()));
        timeline.remember(
                subject,
                TimelineKind.DELIVERY,
                "Our mail to " + bounce.recipient() + " " + why.trim(),
                Timeline.SYSTEM,
                Map.of(
                        "messageId",
                        mail.id().toString(),
                        "reportMessageId",
                        report.id().toString()),
                report.id(),
                "bounce:" + report.id());
        taskOpening.open(
                new TaskContext.BouncedMail(
                        mail.id(), String.valueOf(bounce.recipient()), String.valueOf(bounce.status())),
                subject,
                mail.partnerId(),
                "Mail to " + bounce.recipient() + " " + why.trim(),
                List.of(Map.of("decision", "APPROVE", "effect", "the partner's address is fixed; resend by hand")),
                null,
                report.id(),
                "bounce:" + report.id() + ":task");
        return "delivery report: our mail " + mail.id() + " " + why.trim();
    }
}
