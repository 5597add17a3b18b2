package io.seamline.routes.email;

import io.seamline.adapters.persistence.Tasks;
import io.seamline.coordination.effects.ProductionEffects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.MailFacts;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.workflow.DocumentWorkflows;
import io.seamline.mappings.email.OutgoingMail;
import io.seamline.model.Subject;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import io.seamline.routes.pipeline.ChannelReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reply to a partner's mail, in its thread: what we understood and what became of each statement (applied,
 * waiting for our decision, not matched), and what we could not read, with a question. Delivery reports and
 * quarantined mails get no reply.
 */
@Component
class MailConfirmation implements ChannelReply {

    private final Tasks tasks;
    private final Responder responder;
    private final Relationships relationships;
    private final DocumentWorkflows workflows;
    private final ProductionEffects effects;

    public MailConfirmation(
            Tasks tasks,
            Responder responder,
            Relationships relationships,
            DocumentWorkflows workflows,
            ProductionEffects effects) {
        this.effects = effects;
        this.workflows = workflows;
        this.tasks = tasks;
        this.responder = responder;
        this.relationships = relationships;
    }

    @Override
    public Normalized reply(Normalized normalized) {
        MailFacts mail = normalized.mail();
        if (mail == null
                || mail.deliveryReport()
                || normalized.status() != MessageStatus.PROCESSED
                || mail.from() == null) {
            return normalized;
        }
        boolean test = normalized.message().test() || normalized.work().stream().anyMatch(Work::test);
        if (!mail.ambiguous().isEmpty() && !test) {
            askAbout(normalized, mail);
        }
        var text = new StringBuilder("Thank you for your mail.\n");
        if (!normalized.work().isEmpty()) {
            text.append("\nWe read it as follows:\n");
            for (Work work : normalized.work()) {
                text.append("- ")
                        .append(workflows.describe(work.event().data()))
                        .append(": ")
                        .append(outcome(work))
                        .append('\n');
            }
        }
        if (!mail.received().isEmpty()) {
            text.append("\nAttached:\n");
            mail.received().forEach(r -> text.append("- ").append(r).append('\n'));
        }
        if (!mail.ambiguous().isEmpty()) {
            text.append("\nWe could not read:\n");
            mail.ambiguous().forEach(a -> text.append("- ").append(a).append('\n'));
            text.append(
                    "\nCould you write it again as, for example, \"PO 4500012345 line 2 will ship 15 Dec\" (one line"
                            + " per PO line), or attach a sheet with the columns poNumber,lineNumber,quantity,promisedDate?"
                            + " A colleague is looking at your mail meanwhile.\n");
        }
        var partner = normalized.work().isEmpty()
                ? Optional.ofNullable(normalized.partner())
                        .flatMap(responder::partner)
                        .orElse(null)
                : normalized.work().get(0).partner();
        if (partner == null) {
            return normalized;
        }
        // the reply shows on what the mail was about when it is the partner's to speak of, else on the mail
        Subject subject = normalized.work().isEmpty()
                ? new Subject(Subject.MESSAGE, normalized.message().id().toString())
                : relationships.recordOn(
                        partner,
                        normalized.work().get(0).subject(),
                        normalized.message().id());
        responder.sendMail(
                partner,
                mail.from(),
                OutgoingMail.replySubject(mail.subject()),
                new Responder.Thread(mail.from(), mail.subject(), mail.messageId(), mail.references()),
                text.toString(),
                subject,
                normalized.message().id(),
                "email.reply",
                mail.ambiguous().isEmpty() ? "Replied to the partner's mail" : "Replied with a question",
                "mail-reply:" + normalized.message().id());
        return normalized;
    }

    /** What the gateway could not read of a mail, a person reads: an UNMATCHED_MESSAGE task with the mail's text. */
    private void askAbout(Normalized normalized, MailFacts mail) {
        ArchivedMessage message = normalized.message();
        effects.openTask(
                new TaskContext.UnreadMail(
                        message.id(), mail.from(), mail.subject(), mail.text(), mail.attachments(), mail.ambiguous()),
                new Subject(Subject.MESSAGE, message.id().toString()),
                normalized.partner(),
                "Mail from " + mail.from() + " (" + mail.subject() + ") not understood: "
                        + mail.ambiguous().get(0),
                List.of(Map.of("decision", "APPROVE", "effect", "handled by hand (the partner was answered)")),
                null,
                message.id(),
                "mail:" + message.id() + ":not-understood");
    }

    private String outcome(Work work) {
        if (work.test()) {
            return "read as a test: nothing of ours changed";
        }
        if (work.event().data() instanceof DocumentReceived document) {
            return "filed" + (document.subject() == null ? "" : " with " + document.subject());
        }
        List<Task> open = tasks.ofEvent(work.eventId()).stream()
                .filter(t -> t.status() == TaskStatus.OPEN)
                .toList();
        if (open.isEmpty()) {
            return "applied";
        }
        if (open.stream().anyMatch(t -> t.kind() == TaskKind.UNMATCHED_MESSAGE)) {
            return "we could not match it to an open order or shipment of yours; a colleague will look at it";
        }
        return "outside what we agreed; we will come back to you with our decision";
    }
}
