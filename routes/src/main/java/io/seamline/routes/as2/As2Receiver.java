package io.seamline.routes.as2;

import io.seamline.adapters.delivery.TargetGuard;
import io.seamline.adapters.persistence.As2Exchanges;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Outbox;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.as2.Disposition;
import io.seamline.mappings.as2.DispositionOptions;
import io.seamline.mappings.as2.KeyEntry;
import io.seamline.mappings.as2.Mdn;
import io.seamline.mappings.as2.Opening;
import io.seamline.model.Subject;
import io.seamline.model.as2.As2Exchange;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerScope;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a partner's AS2 message. It is identified by its {@code AS2-From} and authenticated by its signature, which
 * must verify against a certificate we hold for that partner (unless its agreement explicitly accepts unsigned
 * messages); it is opened with our keys, and its payload archived (in its own transaction) and queued for the pipeline; only then does the MDN
 * go back — in the HTTP answer, or later to the partner's receipt URL — with the MIC of what we received. A message
 * that cannot be opened is archived as rejected and answered with the disposition that says why. A Message-ID we have
 * answered before is a resend: it gets the same MDN again and nothing else happens.
 */
@Service
public class As2Receiver {

    private static final Logger log = LoggerFactory.getLogger(As2Receiver.class);

    /** The document type of archived MDNs. */
    public static final String MDN = "MDN";

    private final As2Keys keys;
    private final As2Certificates certificates;
    private final Partners partners;
    private final Intake intake;
    private final Messages messages;
    private final As2Exchanges exchanges;
    private final Outbox outbox;
    private final Timeline timeline;
    private final TargetGuard guard;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public As2Receiver(
            As2Keys keys,
            As2Certificates certificates,
            Partners partners,
            Intake intake,
            Messages messages,
            As2Exchanges exchanges,
            Outbox outbox,
            Timeline timeline,
            TargetGuard guard,
            TransactionTemplate transactions,
            Clock clock) {
        this.guard = guard;
        this.keys = keys;
        this.certificates = certificates;
        this.partners = partners;
        this.intake = intake;
        this.messages = messages;
        this.exchanges = exchanges;
        this.outbox = outbox;
        this.timeline = timeline;
        this.transactions = transactions;
        this.clock = clock;
    }

    public As2Reply receive(As2Request request) {
        if (!keys.enabled()) {
            return As2Reply.text(503, "AS2 is not configured on this gateway");
        }
        String messageId = request.header("Message-ID");
        String from = request.as2Id("AS2-From");
        String to = request.as2Id("AS2-To");
        if (messageId == null || from == null || to == null || request.header("Content-Type") == null) {
            return As2Reply.text(400, "an AS2 message needs Message-ID, AS2-From, AS2-To and Content-Type");
        }
        var options = DispositionOptions.parse(request.header("Disposition-Notification-Options"));
        boolean wantsMdn = request.header("Disposition-Notification-To") != null;
        Optional<Partner> partner = partners.identify(PartnerIdentifier.of(IdentifierScheme.AS2, from))
                .flatMap(partners::find);
        if (partner.isEmpty() || !to.equals(keys.as2Id())) {
            String why =
                    partner.isEmpty() ? "no partner has the AS2 id " + from : "the message is for " + to + ", not us";
            ArchivedMessage rejected = archiveRejected(request, null, why);
            log.warn("AS2 message {} from {} refused: {}", messageId, from, why);
            // an unknown sender's receipt URL is not followed: the MDN goes back in the answer
            return answer(
                    from,
                    null,
                    messageId,
                    new Mdn.Receipt(messageId, Disposition.error(Disposition.AUTHENTICATION_FAILED), null, why),
                    options,
                    wantsMdn,
                    null,
                    rejected.id());
        }
        Partner sender = partner.get();
        String receiptUrl = request.header("Receipt-Delivery-Option");
        Optional<As2Exchange> earlier = exchanges.find(sender.id(), Direction.INBOUND, messageId);
        if (earlier.isPresent()) {
            return resend(request, sender, earlier.get(), wantsMdn, receiptUrl);
        }
        List<java.security.cert.X509Certificate> partnerCertificates = certificates.verifying(sender.id());
        Opening.Opened opened = Opening.open(
                request.header("Content-Type"),
                request.header("Content-Transfer-Encoding"),
                request.body(),
                // a signature from a certificate on file is how an AS2 sender proves who it is: required unless the
                // partner's agreement explicitly takes unsigned messages
                new Opening.Keys(keys.decrypting(), partnerCertificates, !sender.acceptsUnsignedAs2(), clock.instant()),
                options.micAlgorithm());
        MessageId archived;
        Mdn.Receipt receipt;
        if (opened instanceof Opening.Payload payload) {
            Received received = intake.edi(
                    payload.content(),
                    "as2",
                    sender.id(),
                    PartnerScope.everyone(),
                    payload.contentType(),
                    payload.fileName(),
                    messageId);
            archived = received instanceof Received.Accepted accepted
                    ? accepted.messageId()
                    : ((Received.Refused) received).messageId();
            receipt = received instanceof Received.Accepted
                    ? new Mdn.Receipt(messageId, Disposition.processed(), payload.mic(), null)
                    : new Mdn.Receipt(
                            messageId,
                            Disposition.error(Disposition.UNEXPECTED_PROCESSING_ERROR),
                            payload.mic(),
                            "The content was received but not accepted: " + ((Received.Refused) received).detail());
        } else {
            var refused = (Opening.Refused) opened;
            log.warn("AS2 message {} from {} refused: {}", messageId, sender.id(), refused.reason());
            archived = archiveRejected(request, sender, refused.reason()).id();
            receipt = new Mdn.Receipt(messageId, refused.disposition(), null, refused.reason());
        }
        return answer(from, sender, messageId, receipt, options, wantsMdn, receiptTo(opened, receiptUrl), archived);
    }

    /**
     * The MDN for a message: archived as our outbound message (it is the evidence), recorded with the exchange, and
     * sent back in the answer or queued for the partner's receipt URL.
     */
    private As2Reply answer(
            String partnerAs2Id,
            Partner partner,
            String messageId,
            Mdn.Receipt receipt,
            DispositionOptions options,
            boolean wantsMdn,
            String receiptUrl,
            MessageId answered) {
        if (!wantsMdn) {
            record(partner, messageId, answered, receipt, As2Exchange.MdnMode.NONE, null);
            return receipt.disposition().ok()
                    ? As2Reply.text(200, "received")
                    : As2Reply.text(
                            400, receipt.text() == null ? receipt.disposition().field() : receipt.text());
        }
        KeyEntry signer = options.signed() ? keys.current().orElse(null) : null;
        Mdn.Composed mdn = Mdn.compose(keys.as2Id(), receipt, signer, options.micAlgorithm());
        boolean async = receiptUrl != null && partner != null;
        String mdnId = "<" + UUID.randomUUID() + "@" + keys.as2Id() + ">";
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            ArchivedMessage archivedMdn = messages.archiveOnce(
                    new IncomingMessage(
                            Direction.OUTBOUND,
                            Channel.EDI,
                            "as2",
                            MessageFormat.MIME,
                            partner == null ? null : partner.id(),
                            mdn.body(),
                            mdn.contentType(),
                            null),
                    now,
                    "as2-mdn:" + (answered != null ? answered : UUID.randomUUID()),
                    MDN,
                    ControlNumbers.none(),
                    answered);
            messages.identify(archivedMdn.id(), mdnId);
            record(
                    partner,
                    messageId,
                    answered,
                    receipt,
                    async ? As2Exchange.MdnMode.ASYNC : As2Exchange.MdnMode.SYNC,
                    archivedMdn.id());
            if (async) {
                enqueueMdn(archivedMdn.id(), partner, receiptUrl, answered, "first");
            } else {
                messages.transition(
                        archivedMdn.id(), List.of(MessageStatus.QUEUED), MessageStatus.DELIVERED, null, now);
            }
            if (answered != null) {
                timeline.remember(
                        new Subject(Subject.MESSAGE, answered.toString()),
                        io.seamline.model.timeline.TimelineKind.RESPONSE,
                        "AS2 MDN "
                                + receipt.disposition().field().replace("automatic-action/MDN-sent-automatically; ", "")
                                + (async ? " queued for " + receiptUrl : " returned"),
                        Timeline.SYSTEM,
                        java.util.Map.of("mdnMessageId", archivedMdn.id().toString(), "as2MessageId", messageId),
                        answered,
                        "as2-mdn:" + answered);
            }
        });
        if (async) {
            return As2Reply.text(200, "received; the MDN follows to " + receiptUrl);
        }
        return As2Reply.mdn(mdn, mdnId, keys.as2Id(), partnerAs2Id);
    }

    /**
     * Where an asynchronous MDN may go: only for a message we could open (an unauthenticated one is answered in the
     * HTTP response), and only to a public address (the same guard as webhooks), else null.
     */
    private String receiptTo(Opening.Opened opened, String receiptUrl) {
        if (receiptUrl == null || !(opened instanceof Opening.Payload)) {
            return null;
        }
        Optional<String> refusal = guard.refusal(receiptUrl);
        if (refusal.isPresent()) {
            log.warn("asynchronous MDN to {} refused ({}); answering synchronously", receiptUrl, refusal.get());
            return null;
        }
        return receiptUrl;
    }

    /** The exchange of a known partner's message: what we answered, and how (a resend finds it by Message-ID). */
    private void record(
            Partner partner,
            String messageId,
            MessageId answered,
            Mdn.Receipt receipt,
            As2Exchange.MdnMode mode,
            MessageId mdn) {
        if (partner == null) {
            return;
        }
        Instant now = clock.instant();
        exchanges.record(new As2Exchange(
                partner.id(),
                Direction.INBOUND,
                messageId,
                answered,
                receipt.mic(),
                mode,
                mdn,
                receipt.disposition().field(),
                now,
                mdn == null ? null : now));
    }

    /** A Message-ID answered before: the same MDN again, and nothing else; the resend itself is archived as such. */
    private As2Reply resend(
            As2Request request, Partner sender, As2Exchange earlier, boolean wantsMdn, String receiptUrl) {
        ArchivedMessage copy = transactions.execute(tx -> {
            ArchivedMessage resent = messages.archive(
                    new IncomingMessage(
                            Direction.INBOUND,
                            Channel.EDI,
                            "as2",
                            MessageFormat.MIME,
                            sender.id(),
                            request.body(),
                            request.header("Content-Type"),
                            null),
                    clock.instant());
            messages.describe(resent.id(), sender.id(), "AS2", ControlNumbers.none());
            messages.transition(
                    resent.id(),
                    List.of(MessageStatus.RECEIVED),
                    MessageStatus.DUPLICATE,
                    "AS2 Message-ID " + earlier.as2MessageId() + " was received before as message "
                            + earlier.messageId(),
                    clock.instant());
            return resent;
        });
        log.info(
                "AS2 message {} from {} is a resend; answered with its first MDN", earlier.as2MessageId(), sender.id());
        if (!wantsMdn || earlier.mdnMessageId() == null) {
            return As2Reply.text(200, "received before");
        }
        ArchivedMessage mdn =
                messages.find(earlier.mdnMessageId(), PartnerScope.everyone()).orElseThrow();
        byte[] body = messages.content(mdn.id(), PartnerScope.everyone()).orElseThrow();
        if (receiptUrl != null && guard.refusal(receiptUrl).isEmpty()) {
            transactions.executeWithoutResult(
                    tx -> enqueueMdn(mdn.id(), sender, receiptUrl, copy.id(), "resend:" + copy.id()));
            return As2Reply.text(200, "received before; the MDN follows to " + receiptUrl);
        }
        return As2Reply.mdn(
                new Mdn.Composed(mdn.mediaType(), body),
                "<" + UUID.randomUUID() + "@" + keys.as2Id() + ">",
                keys.as2Id(),
                request.as2Id("AS2-From"));
    }

    private void enqueueMdn(MessageId mdn, Partner partner, String receiptUrl, MessageId about, String step) {
        Instant now = clock.instant();
        outbox.enqueue(
                new OutboundDelivery(
                        UUID.randomUUID(),
                        mdn,
                        partner.id(),
                        ChannelKind.AS2,
                        receiptUrl,
                        DeliveryStatus.PENDING,
                        0,
                        now,
                        null,
                        now,
                        null,
                        about == null ? null : new Subject(Subject.MESSAGE, about.toString()).toString()),
                "as2-mdn-delivery:" + mdn + ":" + step);
    }

    /** What cannot be opened is kept all the same, with the reason, so ops can see it and the partner be told. */
    private ArchivedMessage archiveRejected(As2Request request, Partner partner, String reason) {
        return transactions.execute(tx -> {
            ArchivedMessage message = messages.archive(
                    new IncomingMessage(
                            Direction.INBOUND,
                            Channel.EDI,
                            "as2",
                            MessageFormat.MIME,
                            partner == null ? null : partner.id(),
                            request.body(),
                            request.header("Content-Type"),
                            null),
                    clock.instant());
            messages.describe(message.id(), partner == null ? null : partner.id(), "AS2", ControlNumbers.none());
            messages.identify(message.id(), request.header("Message-ID"));
            messages.transition(
                    message.id(), List.of(MessageStatus.RECEIVED), MessageStatus.REJECTED, reason, clock.instant());
            return message;
        });
    }
}
