package io.seamline.coordination.respond;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.adapters.delivery.SmtpSettings;
import io.seamline.adapters.email.EmailSettings;
import io.seamline.adapters.persistence.ControlSequences;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.sla.Reminders;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.webhooks.WebhookEvents;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.outbound.ControlNumberSource;
import io.seamline.mappings.edi.outbound.OutboundEdi;
import io.seamline.mappings.edi.outbound.OutboundRenderer;
import io.seamline.mappings.edi.outbound.Parties;
import io.seamline.mappings.email.MailComposer;
import io.seamline.mappings.email.MailLimits;
import io.seamline.mappings.email.MailParser;
import io.seamline.mappings.email.OutgoingMail;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Renders answers for the partner's channel, archives them as outbound messages and queues their delivery. */
@Service
@EnableConfigurationProperties({IdentitySettings.class, DeliverySettings.class, EmailSettings.class})
public class Responder implements Reminders {

    /** Control numbers go up to nine digits (ISA13, GS06); EDIFACT references could go further but need not. */
    private static final long MAX_CONTROL = 999_999_999L;

    private final Partners partners;
    private final Messages messages;
    private final Outbox outbox;
    private final ControlSequences sequences;
    private final Timeline timeline;
    private final SlaExpectations slaExpectations;
    private final WebhookEvents webhooks;
    private final IdentitySettings identity;
    private final DeliverySettings delivery;
    private final EmailSettings email;
    private final SmtpSettings smtp;
    private final Lifecycle lifecycle;
    private final Clock clock;

    public Responder(
            Partners partners,
            Messages messages,
            Outbox outbox,
            ControlSequences sequences,
            Timeline timeline,
            SlaExpectations slaExpectations,
            WebhookEvents webhooks,
            IdentitySettings identity,
            DeliverySettings delivery,
            EmailSettings email,
            SmtpSettings smtp,
            Lifecycle lifecycle,
            Clock clock) {
        this.partners = partners;
        this.messages = messages;
        this.outbox = outbox;
        this.sequences = sequences;
        this.timeline = timeline;
        this.slaExpectations = slaExpectations;
        this.webhooks = webhooks;
        this.identity = identity;
        this.delivery = delivery;
        this.email = email;
        this.smtp = smtp;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * Sends a business answer: EDI for EDI partners, a mail in the partner's thread for e-mail partners, a JSON
     * notice for the others. An answer to a mail that is still being processed goes out with that mail's reply
     * instead (null is returned).
     */
    public ArchivedMessage respond(Response response) {
        return respond(response, false);
    }

    /**
     * Sends a business answer as {@link #respond(Response)} does; as test traffic when {@code test} (a test PO's
     * order) or when its document type is not LIVE for the partner: EDI with the test indicator (ISA15 = T, UNB 0035
     * = 1), a notice saying {@code "test": true}, a mail marked [TEST]; no expectation opened.
     */
    public ArchivedMessage respond(Response response, boolean test) {
        Partner partner = partners.find(response.partner())
                .orElseThrow(() -> new IllegalStateException("no partner " + response.partner()));
        AnswerChannel channel = reachable(AnswerChannel.forBusiness(partner, delivery));
        // a document without a writer in the partner's standard goes as the notice on the same channel
        boolean asEdi = channel.kind() != io.seamline.model.partner.ChannelKind.EMAIL
                && channel.edi()
                && response.document() != null
                && OutboundRenderer.writes(response.document(), channel.standard());
        String type = asEdi
                ? (channel.standard() == Standard.X12
                        ? response.document().x12SetId()
                        : response.document().edifactMessage())
                : String.valueOf(response.notice().get("type"));
        boolean asTest = test || lifecycle.state(partner.id(), Direction.OUTBOUND, type) != LifecycleState.LIVE;
        if (channel.kind() == io.seamline.model.partner.ChannelKind.EMAIL) {
            return mail(partner, channel, response, asTest);
        }
        if (asEdi) {
            OutboundEdi edi = OutboundRenderer.render(
                    response.document(),
                    channel.standard(),
                    parties(partner, channel.standard()),
                    channel.version(),
                    numbers(partner.id()),
                    LocalDateTime.now(clock),
                    asTest);
            return send(
                    partner,
                    channel,
                    edi(edi, response.subject(), response.answers(), response.summary(), response.stepKey())
                            .test(asTest));
        }
        return notice(partner, channel, response, asTest);
    }

    /**
     * Tells a partner something that has no EDI form (an SLA reminder): by webhook, e-mail or the portal, whichever
     * comes first among its channels; EDI-only partners find it in the portal.
     */
    @Override
    public void remind(Response reminder) {
        notify(reminder);
    }

    private ArchivedMessage notify(Response response) {
        Partner partner = partners.find(response.partner())
                .orElseThrow(() -> new IllegalStateException("no partner " + response.partner()));
        AnswerChannel channel = reachable(AnswerChannel.forNotice(partner));
        if (channel.kind() == io.seamline.model.partner.ChannelKind.EMAIL) {
            return mail(partner, channel, response, false);
        }
        return notice(partner, channel, response, false);
    }

    /** Without an SMTP server, what would go by e-mail waits in the portal instead of failing. */
    private AnswerChannel reachable(AnswerChannel channel) {
        if (channel.kind() == io.seamline.model.partner.ChannelKind.EMAIL && !smtp.configured()) {
            return new AnswerChannel(io.seamline.model.partner.ChannelKind.PORTAL, "portal", null, null);
        }
        return channel;
    }

    private ArchivedMessage notice(Partner partner, AnswerChannel channel, Response response, boolean test) {
        var notice = new LinkedHashMap<String, Object>(response.notice());
        if (test) {
            notice.put("test", true);
        }
        notice.put("subject", response.subject().toString());
        notice.put("summary", response.summary());
        notice.put("at", clock.instant().toString());
        byte[] json = Json.write(notice).getBytes(StandardCharsets.UTF_8);
        String type = String.valueOf(response.notice().get("type"));
        return send(
                partner,
                channel,
                new Outgoing(
                                channel.kind() == io.seamline.model.partner.ChannelKind.PORTAL
                                        ? Channel.PORTAL
                                        : Channel.API,
                                MessageFormat.JSON,
                                type,
                                json,
                                "application/json",
                                type + "-"
                                        + UUID.nameUUIDFromBytes(
                                                response.stepKey().getBytes(StandardCharsets.UTF_8)) + ".json",
                                ControlNumbers.none(),
                                response.subject(),
                                response.answers(),
                                response.summary(),
                                response.stepKey())
                        .test(test));
    }

    private ArchivedMessage mail(Partner partner, AnswerChannel channel, Response response, boolean test) {
        Optional<ArchivedMessage> original = response.answers() == null
                ? Optional.empty()
                : messages.find(response.answers(), PartnerScope.everyone())
                        .filter(m -> m.channel() == Channel.EMAIL && m.format() == MessageFormat.MIME);
        if (original.isPresent() && original.get().status() == MessageStatus.RECEIVED) {
            timeline.note(
                    response.subject(),
                    TimelineKind.RESPONSE,
                    response.summary() + " (told in the reply to the partner's mail)",
                    Timeline.SYSTEM,
                    Map.of("type", String.valueOf(response.notice().get("type"))),
                    response.answers(),
                    response.stepKey() + ":in-reply");
            return null;
        }
        var text = new StringBuilder(response.summary()).append("\n");
        response.notice().forEach((key, value) -> {
            if (!key.equals("type") && value != null) {
                text.append("\n").append(key).append(": ").append(value);
            }
        });
        Thread thread = original.map(this::thread).orElse(null);
        String subjectLine =
                thread != null ? OutgoingMail.replySubject(thread.subject()) : "[Seamline] " + response.summary();
        return sendMail(
                partner,
                thread != null && thread.from() != null ? thread.from() : channel.target(),
                test ? "[TEST] " + subjectLine : subjectLine,
                thread,
                text.append("\n").toString(),
                response.subject(),
                response.answers(),
                String.valueOf(response.notice().get("type")),
                response.summary(),
                response.stepKey(),
                test);
    }

    /** The thread of a partner's mail: who wrote it, its subject, its Message-ID and references. */
    public record Thread(String from, String subject, String messageId, List<String> references) {}

    private Thread thread(ArchivedMessage mail) {
        byte[] raw = messages.content(mail.id(), PartnerScope.everyone()).orElseThrow();
        var result = MailParser.parse(raw, MailLimits.DEFAULTS);
        if (result instanceof MailParser.Result.Read read) {
            return new Thread(
                    read.mail().from(),
                    read.mail().subject(),
                    read.mail().messageId(),
                    read.mail().references());
        }
        return null;
    }

    /**
     * Sends a mail to a partner, in the thread of its mail when there is one, archived (with its Message-ID) and
     * delivered by the outbox.
     */
    public ArchivedMessage sendMail(
            Partner partner,
            String to,
            String subjectLine,
            Thread thread,
            String text,
            io.seamline.model.Subject subject,
            io.seamline.model.message.MessageId answers,
            String documentType,
            String summary,
            String stepKey) {
        return sendMail(
                partner, to, subjectLine, thread, text, subject, answers, documentType, summary, stepKey, false);
    }

    private ArchivedMessage sendMail(
            Partner partner,
            String to,
            String subjectLine,
            Thread thread,
            String text,
            io.seamline.model.Subject subject,
            io.seamline.model.message.MessageId answers,
            String documentType,
            String summary,
            String stepKey,
            boolean test) {
        String from = email.from();
        String messageId = "<" + UUID.nameUUIDFromBytes(stepKey.getBytes(StandardCharsets.UTF_8)) + "@"
                + from.substring(from.indexOf('@') + 1) + ">";
        byte[] mime = MailComposer.compose(new OutgoingMail(
                from,
                to,
                subjectLine.replaceAll("[\r\n]+", " "),
                messageId,
                thread == null ? null : thread.messageId(),
                thread == null ? List.of() : thread.references(),
                clock.instant(),
                text));
        ArchivedMessage sent = send(
                partner,
                new AnswerChannel(io.seamline.model.partner.ChannelKind.EMAIL, to, null, null),
                new Outgoing(
                                Channel.EMAIL,
                                MessageFormat.MIME,
                                documentType,
                                mime,
                                "message/rfc822",
                                documentType + "-" + UUID.nameUUIDFromBytes(stepKey.getBytes(StandardCharsets.UTF_8))
                                        + ".eml",
                                ControlNumbers.none(),
                                subject,
                                answers,
                                summary,
                                stepKey)
                        .test(test));
        messages.identify(sent.id(), messageId);
        return sent;
    }

    /** Sends an EDI answer (a functional acknowledgement) over the partner's EDI channel. */
    public ArchivedMessage sendEdi(Partner partner, Outgoing outgoing) {
        return send(partner, AnswerChannel.forEdi(partner, delivery), outgoing);
    }

    public Optional<Partner> partner(io.seamline.model.partner.PartnerId id) {
        return partners.find(id);
    }

    /** Our partner's control number sequences, in the caller's transaction. */
    public ControlNumberSource numbers(PartnerId partner) {
        return kind -> sequences.next(partner, kind, MAX_CONTROL);
    }

    /** Describes rendered EDI as something to send. */
    public static Outgoing edi(
            OutboundEdi edi,
            io.seamline.model.Subject subject,
            io.seamline.model.message.MessageId answers,
            String summary,
            String stepKey) {
        String extension = edi.standard() == Standard.X12 ? ".x12" : ".edi";
        return new Outgoing(
                Channel.EDI,
                edi.standard() == Standard.X12 ? MessageFormat.X12 : MessageFormat.EDIFACT,
                edi.documentType(),
                edi.content(),
                edi.standard() == Standard.X12 ? "application/edi-x12" : "application/edifact",
                edi.documentType() + "-" + edi.interchangeControlNumber() + extension,
                new ControlNumbers(
                        edi.interchangeControlNumber(),
                        edi.groupControlNumber() == null ? List.of() : List.of(edi.groupControlNumber()),
                        edi.setControlNumbers()),
                subject,
                answers,
                summary,
                stepKey);
    }

    private ArchivedMessage send(Partner partner, AnswerChannel channel, Outgoing outgoing) {
        ArchivedMessage message = messages.archiveOnce(
                new IncomingMessage(
                        Direction.OUTBOUND,
                        outgoing.channel(),
                        channel.kind().name().toLowerCase(java.util.Locale.ROOT),
                        outgoing.format(),
                        partner.id(),
                        outgoing.content(),
                        outgoing.mediaType(),
                        outgoing.fileName()),
                clock.instant(),
                outgoing.stepKey(),
                outgoing.documentType(),
                outgoing.controls(),
                outgoing.answers());
        if (outgoing.test() && !message.test()) {
            messages.markTest(message.id());
            message = message.asTest();
        }
        outbox.enqueue(
                new OutboundDelivery(
                        TimeOrderedIds.at(clock.instant()),
                        message.id(),
                        partner.id(),
                        channel.kind(),
                        channel.target(),
                        DeliveryStatus.PENDING,
                        0,
                        clock.instant(),
                        null,
                        clock.instant(),
                        null,
                        outgoing.subject().toString()),
                outgoing.stepKey());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", message.id().toString());
        details.put("documentType", outgoing.documentType());
        details.put("channel", channel.kind().name());
        if (message.controlNumbers().interchange() != null) {
            details.put("interchangeControl", message.controlNumbers().interchange());
        }
        timeline.remember(
                outgoing.subject(),
                TimelineKind.RESPONSE,
                outgoing.summary() + " (" + outgoing.documentType() + " via " + channel.kind()
                        + (outgoing.test() ? ", as a test" : "") + ")",
                Timeline.SYSTEM,
                details,
                message.id(),
                outgoing.answers(),
                outgoing.stepKey() + ":response");
        if (!outgoing.test()) {
            // a test document opens no expectation and tells no subscriber of production
            slaExpectations.sent(message, outgoing.subject());
            webhooks.sent(message, outgoing.subject().toString(), outgoing.summary());
        }
        return message;
    }

    /** Our identity as sender and the partner's as receiver, in the standard of the answer. */
    public Parties parties(Partner partner, Standard standard) {
        if (standard == Standard.X12) {
            PartnerIdentifier them = partner.identifiers(IdentifierScheme.X12).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(partner.id() + " has no X12 identifier"));
            return new Parties(
                    identity.x12Qualifier(),
                    identity.x12Id(),
                    them.qualifier(),
                    them.value(),
                    identity.x12Id(),
                    them.value());
        }
        PartnerIdentifier them = partner.identifiers(IdentifierScheme.EDIFACT).stream()
                .findFirst()
                .or(() -> partner.identifiers(IdentifierScheme.GLN).stream()
                        .findFirst()
                        .map(g -> PartnerIdentifier.edifact("14", g.value())))
                .orElseThrow(() -> new IllegalStateException(partner.id() + " has no EDIFACT identifier"));
        return new Parties(
                identity.edifactQualifier(),
                identity.edifactId(),
                them.qualifier(),
                them.value(),
                identity.edifactId(),
                them.value());
    }
}
