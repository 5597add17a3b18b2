package io.seamline.routes.email;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.email.AttachmentLayouts;
import io.seamline.adapters.email.EmailSettings;
import io.seamline.adapters.email.EmailTemplates;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.steps.Claimed;
import io.seamline.coordination.steps.MailFacts;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.einvoice.EInvoices;
import io.seamline.mappings.email.Attachment;
import io.seamline.mappings.email.Disputes;
import io.seamline.mappings.email.Extracted;
import io.seamline.mappings.email.Extraction;
import io.seamline.mappings.email.MailParser;
import io.seamline.mappings.email.ParsedMail;
import io.seamline.mappings.email.SenderAuthentication;
import io.seamline.mappings.email.Sheets;
import io.seamline.model.Subject;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.MessageReader;
import io.seamline.routes.pipeline.Received;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The normalize step for mails. A mail that cannot be read, or whose sender is no partner's address or domain, is
 * QUARANTINED. A delivery report is recorded against the mail that bounced. Otherwise the text is read with the
 * partner's templates, EDI attachments go through the EDI engine, CSV sheets through the partner's (or the default)
 * layouts, other files are archived and become {@code document.received} on what the mail names. What cannot be
 * understood goes to a person as an UNMATCHED_MESSAGE task with the mail shown, never as a guess.
 */
@Component
class MailReading implements MessageReader {

    /** What the reply adds about an attached interchange. */
    private static final String EDI_AFTERWARDS = " (its acknowledgement goes out as for any interchange of yours)";

    /** Document type of events read from a mail's text. */
    public static final String EMAIL = "email";

    private final EmailSettings settings;
    private final EmailTemplates templates;
    private final ObjectProvider<AttachmentLayouts> layouts;
    private final EdiEngine engine;
    private final PartnerMappings mappings;
    private final Partners partners;
    private final Messages messages;
    private final Bounces bounces;
    private final Intake intake;
    private final Timeline timeline;
    private final Clock clock;

    public MailReading(
            EmailSettings settings,
            EmailTemplates templates,
            ObjectProvider<AttachmentLayouts> layouts,
            EdiEngine engine,
            PartnerMappings mappings,
            Partners partners,
            Messages messages,
            Bounces bounces,
            Intake intake,
            Timeline timeline,
            Clock clock) {
        this.settings = settings;
        this.templates = templates;
        this.layouts = layouts;
        this.engine = engine;
        this.mappings = mappings;
        this.partners = partners;
        this.messages = messages;
        this.bounces = bounces;
        this.intake = intake;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public boolean reads(ArchivedMessage message) {
        return message.format() == MessageFormat.MIME;
    }

    /** Reads a claimed mail into canonical events (their ids derive from the message and their place in it). */
    @Override
    public Normalized read(Claimed claimed) {
        ArchivedMessage message = claimed.message();
        MailParser.Result result =
                MailParser.parse(claimed.content(), settings.limits().toMailLimits());
        if (result instanceof MailParser.Result.Refused refused) {
            return quarantined(message, "the mail cannot be read: " + refused.why(), null);
        }
        ParsedMail mail = ((MailParser.Result.Read) result).mail();
        if (mail.bounce() != null) {
            String what = bounces.record(mail.bounce(), message);
            return new Normalized(
                    message,
                    List.of(),
                    List.of(),
                    MessageStatus.PROCESSED,
                    what,
                    facts(mail, List.of(), List.of(), true));
        }
        Optional<Partner> sender = sender(mail);
        if (sender.isEmpty()) {
            return quarantined(message, "the sender " + mail.from() + " is no partner's address or domain", mail);
        }
        if (message.partnerId() != null
                && !message.partnerId().equals(sender.get().id())) {
            return quarantined(
                    message,
                    "the sender " + mail.from() + " is " + sender.get().id() + ", but the mailbox is "
                            + message.partnerId() + "'s",
                    mail);
        }
        Optional<String> unauthenticated = unauthenticated(message, mail);
        if (unauthenticated.isPresent()) {
            return quarantined(
                    message, "the sender " + mail.from() + " is not authenticated: " + unauthenticated.get(), mail);
        }
        Partner partner = sender.get();
        LocalDate mailDate =
                LocalDate.ofInstant(mail.date() == null ? message.receivedAt() : mail.date(), ZoneOffset.UTC);
        Extracted extracted =
                Extraction.extract(templates.forPartner(partner.id().value()), mail.subject(), mail.text(), mailDate);
        var work = new ArrayList<Work>();
        var received = new ArrayList<String>();
        var ambiguous = new ArrayList<>(extracted.ambiguous());
        for (EventData data : extracted.events()) {
            work.add(new Work(Work.eventOf(message, partner.id(), work.size(), data), partner, message, EMAIL));
        }
        // a mail disputing one of our deductions, by its number
        Disputes.in(mail.subject(), mail.text())
                .ifPresent(dispute -> work.add(
                        new Work(Work.eventOf(message, partner.id(), work.size(), dispute), partner, message, EMAIL)));
        for (int i = 0; i < mail.attachments().size(); i++) {
            attachment(message, partner, mail, extracted, mail.attachments().get(i), i, work, received, ambiguous);
        }
        if (work.isEmpty() && received.isEmpty() && ambiguous.isEmpty()) {
            ambiguous.add("nothing we could read as a commitment, a shipment status, a customs status or an invoice");
        }
        String reason = ambiguous.isEmpty() ? null : "not understood: " + String.join("; ", ambiguous);
        return new Normalized(
                        message,
                        work,
                        List.of(),
                        MessageStatus.PROCESSED,
                        reason,
                        facts(mail, received, ambiguous, false))
                .describedAs(new Normalized.Described(partner.id(), EMAIL, ControlNumbers.none()));
    }

    /**
     * Why the mail's From address cannot be trusted, when its mailbox asks our mail server to vouch for senders
     * ({@code authserv-id}) and it did not.
     */
    private Optional<String> unauthenticated(ArchivedMessage message, ParsedMail mail) {
        String transport = message.transport() == null ? "" : message.transport();
        if (!transport.startsWith("imap:")) {
            return Optional.empty();
        }
        return settings.mailbox(transport.substring("imap:".length()))
                .map(EmailSettings.Mailbox::authservId)
                .flatMap(server ->
                        SenderAuthentication.problem(mail.authenticationResults(), server, mail.fromDomain()));
    }

    private Optional<Partner> sender(ParsedMail mail) {
        if (mail.from() == null) {
            return Optional.empty();
        }
        Optional<PartnerId> id = partners.identify(PartnerIdentifier.of(IdentifierScheme.EMAIL, mail.from()));
        if (id.isEmpty() && mail.fromDomain() != null) {
            id = partners.identify(PartnerIdentifier.of(IdentifierScheme.EMAIL_DOMAIN, mail.fromDomain()));
        }
        return id.flatMap(partners::find);
    }

    private void attachment(
            ArchivedMessage message,
            Partner partner,
            ParsedMail mail,
            Extracted extracted,
            Attachment attachment,
            int index,
            List<Work> work,
            List<String> received,
            List<String> ambiguous) {
        String ext = attachment.extension();
        if (engine.peek(attachment.content()).isPresent()) {
            edi(attachment, partner, message, index, received, ambiguous, "an EDI interchange", EDI_AFTERWARDS);
            return;
        }
        if (EInvoices.detect(attachment.content()).isPresent()) {
            // a ZUGFeRD / Factur-X PDF or a UBL / CII invoice: read as the partner's invoice, like one sent by API
            edi(attachment, partner, message, index, received, ambiguous, "an e-invoice", "");
            return;
        }
        boolean xlsx = ext.equals("xlsx");
        if (ext.equals("csv") || attachment.mediaType().equals("text/csv") || xlsx) {
            byte[] csv;
            try {
                csv = xlsx ? Sheets.toCsv(attachment.content()) : attachment.content();
            } catch (java.io.IOException e) {
                ambiguous.add(attachment.fileName() + ": " + e.getMessage());
                return;
            }
            Optional<Parsed<List<EventData>>> read =
                    layouts.getObject().read(partner.id().value(), csv);
            if (read.isEmpty()) {
                ambiguous.add(
                        attachment.fileName() + ": no layout reads this sheet (its header names no known columns)");
            } else if (read.get() instanceof Parsed.Invalid<List<EventData>> invalid) {
                ambiguous.add(attachment.fileName() + ": "
                        + invalid.problems().stream()
                                .map(FieldProblem::toString)
                                .collect(Collectors.joining("; ")));
            } else {
                List<EventData> events = ((Parsed.Valid<List<EventData>>) read.get()).value();
                for (EventData data : events) {
                    work.add(new Work(
                            Work.eventOf(message, partner.id(), work.size(), data), partner, message, EMAIL + ":csv"));
                }
            }
            return;
        }
        ArchivedMessage file = messages.archiveOnce(
                new IncomingMessage(
                        Direction.INBOUND,
                        io.seamline.model.message.Channel.EMAIL,
                        "attachment",
                        format(attachment),
                        partner.id(),
                        attachment.content(),
                        attachment.mediaType(),
                        attachment.fileName()),
                clock.instant(),
                "attachment:" + message.id() + ":" + index,
                "attachment",
                ControlNumbers.none(),
                message.id());
        messages.transition(
                file.id(),
                List.of(MessageStatus.RECEIVED),
                MessageStatus.PROCESSED,
                "attachment of mail " + message.id(),
                clock.instant());
        var references = new LinkedHashMap<>(extracted.references());
        references.put("messageId", file.id().toString());
        var document = new DocumentReceived(
                documentType(attachment, mail), attachment.fileName(), attachment.mediaType(), references);
        work.add(new Work(
                Work.eventOf(message, partner.id(), work.size(), document), partner, message, EMAIL + ":document"));
    }

    /**
     * An EDI interchange attached to a mail goes the way of every interchange: archived as a message of its own (sent
     * by the mail's partner, whose id its envelope must carry), checked for a duplicate, read, acknowledged where the
     * partner's profile wants it, and processed. An e-invoice goes the same way, as the partner's invoice. The mail's
     * reply says what became of it.
     */
    private void edi(
            Attachment attachment,
            Partner partner,
            ArchivedMessage message,
            int index,
            List<String> received,
            List<String> ambiguous,
            String what,
            String afterwards) {
        Received outcome = intake.attached(
                attachment.content(), partner.id(), attachment.mediaType(), attachment.fileName(), message.id(), index);
        if (outcome instanceof Received.Accepted accepted) {
            received.add(
                    attachment.fileName() + ": " + what + ", received as message " + accepted.messageId() + afterwards);
        } else {
            ambiguous.add(attachment.fileName() + ": " + ((Received.Refused) outcome).detail());
        }
    }

    private Normalized quarantined(ArchivedMessage message, String why, ParsedMail mail) {
        timeline.note(
                new Subject(Subject.MESSAGE, message.id().toString()),
                TimelineKind.MESSAGE,
                "Mail quarantined: " + why,
                Timeline.SYSTEM,
                mail == null ? Map.of() : Map.of("from", String.valueOf(mail.from()), "subject", mail.subject()),
                message.id(),
                "mail:" + message.id() + ":quarantined");
        return new Normalized(message, List.of(), List.of(), MessageStatus.QUARANTINED, why);
    }

    private static MailFacts facts(ParsedMail mail, List<String> received, List<String> ambiguous, boolean report) {
        return new MailFacts(
                mail.messageId(),
                mail.references(),
                mail.subject(),
                mail.from(),
                received,
                ambiguous,
                report,
                mail.text().length() > 4000 ? mail.text().substring(0, 4000) + "…" : mail.text(),
                mail.attachments().stream().map(Attachment::fileName).toList());
    }

    private static MessageFormat format(Attachment attachment) {
        return attachment.mediaType().equals("application/pdf") ? MessageFormat.PDF : MessageFormat.OTHER;
    }

    private static DocumentReceived.DocumentType documentType(Attachment attachment, ParsedMail mail) {
        String words = (attachment.fileName() + " " + mail.subject()).toLowerCase(Locale.ROOT);
        if (words.matches("(?s).*\\b(pod|proof of delivery|delivery receipt|signed delivery)\\b.*")) {
            return DocumentReceived.DocumentType.POD;
        }
        if (words.matches("(?s).*\\b(packing list|packing|packlist)\\b.*")) {
            return DocumentReceived.DocumentType.PACKING_LIST;
        }
        if (words.matches("(?s).*\\b(invoice|inv)\\b.*")) {
            return DocumentReceived.DocumentType.COMMERCIAL_INVOICE;
        }
        return DocumentReceived.DocumentType.OTHER;
    }
}
