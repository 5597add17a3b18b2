package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.einvoice.EInvoices;
import io.seamline.mappings.json.ApiDocuments;
import io.seamline.mappings.json.CommitmentJson;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where partner messages come in. The bytes are archived whatever they are, in one transaction with the verdict on
 * their envelope (a readable interchange, a known sender, one the caller or channel may act for): a message that
 * passes is archived RECEIVED with the PO it is about and queued under that (else its sender), one that does not is archived REJECTED with the
 * reason, and the caller told.
 */
@Service
public class Intake {

    private final Messages messages;
    private final Partners partners;
    private final PurchaseOrders purchaseOrders;
    private final EdiEngine engine;
    private final OrderingKeys keys;
    private final InboundQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean test;

    @org.springframework.beans.factory.annotation.Autowired
    public Intake(
            Messages messages,
            Partners partners,
            PurchaseOrders purchaseOrders,
            EdiEngine engine,
            OrderingKeys keys,
            InboundQueue queue,
            TransactionTemplate transactions,
            Clock clock) {
        this.messages = messages;
        this.partners = partners;
        this.purchaseOrders = purchaseOrders;
        this.engine = engine;
        this.keys = keys;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.test = false;
    }

    private Intake(Intake production) {
        this.messages = production.messages;
        this.partners = production.partners;
        this.purchaseOrders = production.purchaseOrders;
        this.engine = production.engine;
        this.keys = production.keys;
        this.queue = production.queue;
        this.transactions = production.transactions;
        this.clock = production.clock;
        this.test = true;
    }

    /**
     * This intake, or when {@code test} (a call with the test marker, credentials issued for testing, the portal's
     * test mode) one that marks every message it takes as a test (a test intake stays one): it runs the real pipeline and changes nothing of
     * production.
     */
    public Intake testing(boolean test) {
        return test && !this.test ? new Intake(this) : this;
    }

    /**
     * EDI bytes from a channel. {@code channelPartner} is the partner the channel belongs to (a partner's inbox
     * folder), or null; {@code caller} whom an API caller may act for.
     */
    public Received edi(
            byte[] content,
            String transport,
            PartnerId channelPartner,
            PartnerScope caller,
            String mediaType,
            String fileName) {
        return archiveAndCheck(content, transport, channelPartner, caller, mediaType, fileName, null, null);
    }

    /**
     * EDI bytes that came with an identifier of their own on their channel (an AS2 Message-ID), recorded with the
     * message before it is queued.
     */
    public Received edi(
            byte[] content,
            String transport,
            PartnerId channelPartner,
            PartnerScope caller,
            String mediaType,
            String fileName,
            String externalId) {
        return archiveAndCheck(content, transport, channelPartner, caller, mediaType, fileName, null, externalId);
    }

    /**
     * A file picked up from a partner's folder or SFTP server. The same file (partner, name and content) is archived
     * once however often it is picked up — after a restart mid-pickup, or by a second node polling the same folder —
     * so it is safe to take a file again whenever it is not known to be done; a file picked up before answers with its
     * first message, and nothing is queued twice.
     */
    public Received pickedUp(byte[] content, String transport, PartnerId partner, String fileName) {
        String identity = "pickup:" + partner + ":" + fileName + ":" + Messages.sha256(content);
        Optional<ArchivedMessage> earlier = messages.byStepKey(identity);
        if (earlier.isPresent()) {
            return new Received.Accepted(earlier.get().id());
        }
        try {
            return archiveAndCheck(
                    content, transport, partner, PartnerScope.everyone(), null, fileName, identity, null);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another node took the same file at the same moment
            return messages.byStepKey(identity)
                    .<Received>map(m -> new Received.Accepted(m.id()))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * An interchange that came attached to a mail of {@code partner}'s (message {@code mail}): archived once however
     * often the mail is read again, and then the way of every interchange (the envelope's sender must be the partner).
     */
    public Received attached(
            byte[] content, PartnerId partner, String mediaType, String fileName, MessageId mail, int index) {
        String identity = "mail-attachment:" + mail + ":" + index;
        Optional<ArchivedMessage> earlier = messages.byStepKey(identity);
        if (earlier.isPresent()) {
            return new Received.Accepted(earlier.get().id());
        }
        return archiveAndCheck(content, "email", partner, PartnerScope.everyone(), mediaType, fileName, identity, null);
    }

    private Received archiveAndCheck(
            byte[] content,
            String transport,
            PartnerId channelPartner,
            PartnerScope caller,
            String mediaType,
            String fileName,
            String identity,
            String externalId) {
        if (content.length > engine.maxBytes()) {
            return new Received.Refused(
                    null,
                    Received.Reason.TOO_LARGE,
                    "the message has " + content.length + " bytes; at most " + engine.maxBytes() + " are accepted",
                    List.of());
        }
        PartnerId known = channelPartner != null && partners.exists(channelPartner) ? channelPartner : null;
        Optional<Envelope> envelope = engine.peek(content);
        if (envelope.isEmpty() && known != null) {
            Optional<EInvoices.Syntax> einvoice = EInvoices.detect(content);
            if (einvoice.isPresent()) {
                return channelEInvoice(
                        content, transport, known, einvoice.get(), mediaType, fileName, identity, externalId);
            }
        }
        MessageFormat format = envelope.map(
                        e -> e.standard() == Standard.X12 ? MessageFormat.X12 : MessageFormat.EDIFACT)
                .orElse(MessageFormat.OTHER);
        // checked before the bytes are archived (reading only), so that archive and verdict are one transaction
        Check check = check(envelope, channelPartner, known, caller);
        PartnerId owner = check.sender() != null ? check.sender() : known;
        Optional<String> subject = check.refused() == null ? keys.subject(content, check.sender()) : Optional.empty();
        var incoming = new IncomingMessage(
                Direction.INBOUND, Channel.EDI, transport, format, owner, content, mediaType, fileName);
        ControlNumbers controls =
                envelope.map(e -> ControlNumbers.interchange(e.controlNumber())).orElse(ControlNumbers.none());
        return transactions.execute(tx -> {
            ArchivedMessage message =
                    messages.receive(incoming, clock.instant(), identity, controls, subject.orElse(null));
            if (externalId != null) {
                // before the message is queued: a pipeline claim must not meet it locked
                messages.identify(message.id(), externalId);
            }
            if (test) {
                messages.markTest(message.id());
            }
            if (check.refused() != null) {
                return refuse(message, check.refused(), check.detail());
            }
            // in the same transaction: on the Kafka bus the message is published if and only if it is accepted
            queue.submit(message.id(), subject.orElse(check.sender().value()));
            return new Received.Accepted(message.id());
        });
    }

    /** Whose the interchange is, or why it is refused. */
    private record Check(PartnerId sender, Received.Reason refused, String detail) {

        static Check refuse(Received.Reason reason, String detail) {
            return new Check(null, reason, detail);
        }
    }

    private Check check(Optional<Envelope> envelope, PartnerId channelPartner, PartnerId known, PartnerScope caller) {
        if (channelPartner != null && known == null) {
            return Check.refuse(Received.Reason.NOT_YOURS, "no partner " + channelPartner + " owns this channel");
        }
        if (envelope.isEmpty()) {
            return Check.refuse(Received.Reason.NOT_EDI, "not an X12 (ISA) or EDIFACT (UNA/UNB) interchange");
        }
        Optional<PartnerId> sender = Identification.sender(envelope.get(), partners);
        if (sender.isEmpty()) {
            return Check.refuse(
                    Received.Reason.UNKNOWN_SENDER, "unknown sender " + Identification.describe(envelope.get()));
        }
        if (channelPartner != null && !channelPartner.equals(sender.get())) {
            return Check.refuse(
                    Received.Reason.NOT_YOURS,
                    "the interchange is from " + sender.get() + " but came through " + channelPartner + "'s channel");
        }
        if (!caller.sees(sender.get())) {
            return Check.refuse(
                    Received.Reason.NOT_YOURS,
                    "the interchange is from " + Identification.describe(envelope.get())
                            + ", a partner you do not act for");
        }
        return new Check(sender.get(), null, null);
    }

    /** A commitment posted to the API or the portal for a PO; the same canonical event as an EDI 865. */
    public Received commitment(
            Channel channel, byte[] body, String poNumber, PartnerId callerPartner, PartnerScope caller) {
        Optional<PurchaseOrder> order = PurchaseOrderNumber.isValid(poNumber)
                ? purchaseOrders.find(PurchaseOrderNumber.of(poNumber), caller)
                : Optional.empty();
        return json(
                channel,
                body,
                order.map(PurchaseOrder::partnerId).orElse(callerPartner),
                Normalizer.API_COMMITMENT,
                "po/" + poNumber,
                order.isEmpty() ? "purchase order " + poNumber : null,
                () -> CommitmentJson.parse(body, poNumber),
                "the commitment is not valid",
                List.of());
    }

    /**
     * A canonical JSON document a partner posts to the API or the portal (ship notice, shipment status, invoice…),
     * validated against its published schema; {@code subject} is what the URL names ({@code shipment/SH-1}), if
     * anything, and {@code fromPath} the fields it fixes. {@code files} go with it (a proof of delivery with a freight
     * invoice): each is archived as a message of its own, and filed on the subject before the document is processed.
     */
    public Received document(
            Channel channel,
            ApiDocuments kind,
            byte[] body,
            PartnerId partner,
            String subject,
            Map<String, Object> fromPath,
            List<Attached> files) {
        return json(
                channel,
                body,
                partner,
                kind.documentType(),
                subject,
                null,
                () -> kind.parse(body, fromPath),
                "the " + kind.documentType() + " document is not valid",
                files);
    }

    /**
     * A JSON document from the API: archived first (labelled with its document type and subject), then refused when
     * what it names is {@code missing} or it does not {@code parse}, else queued.
     */
    private Received json(
            Channel channel,
            byte[] body,
            PartnerId partner,
            String documentType,
            String subject,
            String missing,
            Supplier<Parsed<?>> parse,
            String invalidDetail,
            List<Attached> files) {
        return archiveDocument(
                channel,
                MessageFormat.JSON,
                "application/json",
                body,
                partner,
                documentType,
                subject,
                missing,
                parse,
                invalidDetail,
                files);
    }

    /**
     * An EU e-invoice posted to the API (UBL or CII XML, a ZUGFeRD / Factur-X PDF): archived as it came, refused with
     * every problem when it cannot be read, else queued as the partner's invoice, the same canonical event as JSON's.
     */
    public Received einvoice(Channel channel, byte[] body, PartnerId partner) {
        MessageFormat format = EInvoices.isPdf(body) ? MessageFormat.PDF : MessageFormat.XML;
        return archiveDocument(
                channel,
                format,
                format == MessageFormat.PDF ? "application/pdf" : "application/xml",
                body,
                partner,
                E_INVOICE,
                null,
                null,
                () -> EInvoices.read(body),
                "the e-invoice is not valid",
                List.of());
    }

    /** The document type e-invoices are archived with: the canonical invoice's, as JSON invoices are. */
    public static final String E_INVOICE = ApiDocuments.INVOICE.documentType();

    static MessageFormat format(EInvoices.Syntax syntax) {
        return syntax == EInvoices.Syntax.PDF ? MessageFormat.PDF : MessageFormat.XML;
    }

    /**
     * An e-invoice that came by a partner's channel (its SFTP folder, AS2, a mail's attachment): archived once (as the
     * channel's identity says), labelled as the partner's invoice and queued; the pipeline reads it, and rejects it
     * with its problems when it cannot be read.
     */
    private Received channelEInvoice(
            byte[] content,
            String transport,
            PartnerId partner,
            EInvoices.Syntax syntax,
            String mediaType,
            String fileName,
            String identity,
            String externalId) {
        var incoming = new IncomingMessage(
                Direction.INBOUND, Channel.EDI, transport, format(syntax), partner, content, mediaType, fileName);
        return transactions.execute(tx -> {
            ArchivedMessage message =
                    messages.receive(incoming, clock.instant(), identity, ControlNumbers.none(), null);
            messages.label(message.id(), partner, E_INVOICE, null);
            if (externalId != null) {
                messages.identify(message.id(), externalId);
            }
            if (test) {
                messages.markTest(message.id());
            }
            queue.submit(message.id(), partner.value());
            return new Received.Accepted(message.id());
        });
    }

    private Received archiveDocument(
            Channel channel,
            MessageFormat format,
            String mediaType,
            byte[] body,
            PartnerId partner,
            String documentType,
            String subject,
            String missing,
            Supplier<Parsed<?>> parse,
            String invalidDetail,
            List<Attached> files) {
        long size =
                body.length + files.stream().mapToLong(f -> f.content().length).sum();
        if (size > engine.maxBytes()) {
            return new Received.Refused(null, Received.Reason.TOO_LARGE, "the body is too large", List.of());
        }
        ArchivedMessage archived = transactions.execute(tx -> {
            ArchivedMessage message = messages.archive(
                    new IncomingMessage(Direction.INBOUND, channel, "http", format, partner, body, mediaType, null),
                    clock.instant());
            messages.label(message.id(), partner, documentType, subject);
            if (test) {
                messages.markTest(message.id());
            }
            for (int i = 0; i < files.size(); i++) {
                attach(message, files.get(i), i);
            }
            return message;
        });
        Received received = transactions.execute(tx -> {
            if (missing != null) {
                return refuse(archived, Received.Reason.NOT_FOUND, missing);
            }
            if (parse.get() instanceof Parsed.Invalid<?> invalid) {
                messages.transition(
                        archived.id(),
                        List.of(MessageStatus.RECEIVED),
                        MessageStatus.REJECTED,
                        invalid.problems().toString(),
                        clock.instant());
                return new Received.Refused(archived.id(), Received.Reason.INVALID, invalidDetail, invalid.problems());
            }
            queue.submit(
                    archived.id(),
                    subject != null
                            ? subject
                            : partner != null ? partner.value() : archived.id().toString());
            return new Received.Accepted(archived.id());
        });
        return received;
    }

    /** A file that came with a document, archived as its own message that points to the document's. */
    private void attach(ArchivedMessage document, Attached file, int index) {
        ArchivedMessage archived = messages.archiveOnce(
                new IncomingMessage(
                        Direction.INBOUND,
                        document.channel(),
                        Attached.TRANSPORT,
                        file.format(),
                        document.partnerId(),
                        file.content(),
                        file.mediaType(),
                        file.fileName()),
                clock.instant(),
                Attached.TRANSPORT + ":" + document.id() + ":" + index,
                file.documentType().name(),
                io.seamline.model.message.ControlNumbers.none(),
                document.id());
        messages.transition(
                archived.id(),
                List.of(MessageStatus.RECEIVED),
                MessageStatus.PROCESSED,
                "sent with message " + document.id(),
                clock.instant());
    }

    private Received refuse(ArchivedMessage archived, Received.Reason reason, String detail) {
        messages.transition(
                archived.id(), List.of(MessageStatus.RECEIVED), MessageStatus.REJECTED, detail, clock.instant());
        return new Received.Refused(archived.id(), reason, detail, List.of());
    }
}
