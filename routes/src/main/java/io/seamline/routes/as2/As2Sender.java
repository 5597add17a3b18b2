package io.seamline.routes.as2;

import io.seamline.adapters.delivery.As2Post;
import io.seamline.adapters.delivery.Transfer;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.adapters.persistence.As2Exchanges;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.as2.DispositionOptions;
import io.seamline.mappings.as2.Encryption;
import io.seamline.mappings.as2.KeyEntry;
import io.seamline.mappings.as2.Mdn;
import io.seamline.mappings.as2.MicAlgorithm;
import io.seamline.mappings.as2.Sealing;
import io.seamline.model.Subject;
import io.seamline.model.as2.As2Exchange;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.deliver.PartnersServer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Sends our messages to AS2 partners as their agreement says (the partner's AS2 channel settings): compressed, signed
 * with our key, encrypted to the partner's newest valid certificate, with a synchronous or asynchronous signed MDN
 * requested. A synchronous MDN is checked on the spot — its signature, its disposition, its MIC against ours — and a
 * failure fails the delivery (retried, then FAILED with a task); an asynchronous one is an SLA expectation until it
 * comes. Every attempt of one message carries the same Message-ID, so a partner that got it before answers it as a
 * resend. Our asynchronous MDNs for partners' messages go out here too.
 */
@Service
class As2Sender implements PartnersServer {

    private final As2Keys keys;
    private final As2Certificates certificates;
    private final As2Settings settings;
    private final Partners partners;
    private final Messages messages;
    private final As2Exchanges exchanges;
    private final As2Post post;
    private final SlaExpectations slaExpectations;
    private final Timeline timeline;
    private final io.seamline.adapters.persistence.Outbox outbox;
    private final org.springframework.core.env.Environment environment;
    private final Clock clock;

    public As2Sender(
            As2Keys keys,
            As2Certificates certificates,
            As2Settings settings,
            Partners partners,
            Messages messages,
            As2Exchanges exchanges,
            As2Post post,
            SlaExpectations slaExpectations,
            Timeline timeline,
            io.seamline.adapters.persistence.Outbox outbox,
            org.springframework.core.env.Environment environment,
            Clock clock) {
        this.outbox = outbox;
        this.environment = environment;
        this.keys = keys;
        this.certificates = certificates;
        this.settings = settings;
        this.partners = partners;
        this.messages = messages;
        this.exchanges = exchanges;
        this.post = post;
        this.slaExpectations = slaExpectations;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** A partner's AS2 agreement, from its AS2 channel settings. */
    record Agreement(String as2Id, Sealing.Agreement sealing, As2Exchange.MdnMode mdn) {

        static Agreement of(Partner partner, ChannelProfile channel) {
            String as2Id = channel.settings()
                    .getOrDefault(
                            "as2To",
                            partner.identifiers(IdentifierScheme.AS2).stream()
                                    .map(PartnerIdentifier::value)
                                    .findFirst()
                                    .orElse(null));
            MicAlgorithm signing = off(channel.setting("sign", "sha-256"))
                    ? null
                    : MicAlgorithm.of(channel.setting("sign", "sha-256")).orElse(MicAlgorithm.SHA256);
            Encryption encryption = off(channel.setting("encrypt", "aes256-cbc"))
                    ? null
                    : Encryption.of(channel.setting("encrypt", "aes256-cbc")).orElse(Encryption.AES256);
            boolean compress = Boolean.parseBoolean(channel.setting("compress", "false"));
            As2Exchange.MdnMode mdn =
                    switch (channel.setting("mdn", "sync").toLowerCase(Locale.ROOT)) {
                        case "async" -> As2Exchange.MdnMode.ASYNC;
                        case "none" -> As2Exchange.MdnMode.NONE;
                        default -> As2Exchange.MdnMode.SYNC;
                    };
            return new Agreement(as2Id, new Sealing.Agreement(signing, encryption, compress), mdn);
        }

        private static boolean off(String value) {
            return value == null
                    || value.isBlank()
                    || value.equalsIgnoreCase("none")
                    || value.equalsIgnoreCase("false");
        }
    }

    /** Delivers one outbox entry over AS2; a failure says whether retrying can help. */
    @Override
    public void send(OutboundDelivery delivery, ArchivedMessage message, Transfer transfer) throws TransferFailed {
        byte[] content = transfer.content();
        KeyEntry ours =
                keys.current().orElseThrow(() -> new TransferFailed("AS2 is not configured (no keystore)", true));
        Partner partner = partners.find(delivery.partnerId())
                .orElseThrow(() -> new TransferFailed("no partner " + delivery.partnerId(), true));
        ChannelProfile channel = partner.channel(ChannelKind.AS2)
                .orElseThrow(() -> new TransferFailed("partner " + partner.id() + " has no AS2 agreement", true));
        Agreement agreement = Agreement.of(partner, channel);
        if (agreement.as2Id() == null) {
            throw new TransferFailed(
                    "partner " + partner.id() + " has no AS2 id (identifier AS2 or setting as2To)", true);
        }
        if (As2Receiver.MDN.equals(message.documentType())) {
            sendMdn(delivery, message, content, agreement);
            return;
        }
        X509Certificate encryptTo = null;
        if (agreement.sealing().encryption() != null) {
            encryptTo = certificates
                    .encryptingTo(partner.id())
                    .orElseThrow(() -> new TransferFailed(
                            "partner " + partner.id() + " has no certificate valid now to encrypt to", true));
        }
        Sealing.Sealed sealed = Sealing.seal(
                content,
                message.mediaType() == null ? "application/octet-stream" : message.mediaType(),
                message.fileName(),
                agreement.sealing(),
                ours,
                encryptTo);
        String as2MessageId = "<" + message.id() + "@" + keys.as2Id() + ">";
        var headers = new LinkedHashMap<>(As2Reply.As2Headers.of(keys.as2Id(), agreement.as2Id(), as2MessageId));
        headers.put("Content-Type", sealed.contentType());
        headers.put("Content-Transfer-Encoding", "binary");
        headers.put("Subject", message.documentType() == null ? "EDI" : message.documentType());
        if (agreement.mdn() != As2Exchange.MdnMode.NONE) {
            headers.put("Disposition-Notification-To", keys.as2Id());
            MicAlgorithm mic = agreement.sealing().signing() == null
                    ? MicAlgorithm.SHA256
                    : agreement.sealing().signing();
            headers.put("Disposition-Notification-Options", DispositionOptions.request(mic));
        }
        if (agreement.mdn() == As2Exchange.MdnMode.ASYNC) {
            headers.put("Receipt-Delivery-Option", asyncMdnUrl());
        }
        Instant now = clock.instant();
        exchanges.record(new As2Exchange(
                partner.id(),
                Direction.OUTBOUND,
                as2MessageId,
                message.id(),
                sealed.mic(),
                agreement.mdn(),
                null,
                null,
                now,
                null));
        As2Post.Answer answer = post.post(delivery.target(), headers, sealed.body(), settings.requestTimeout());
        switch (agreement.mdn()) {
            case NONE -> {}
            case ASYNC -> slaExpectations.expect(
                    SlaProfile.Kind.AS2_MDN,
                    subjectOf(delivery, message),
                    partner.id(),
                    as2MessageId,
                    message.id(),
                    "as2-mdn:" + as2MessageId);
            case SYNC -> {
                Mdn.Read read = Mdn.read(
                        answer.header("Content-Type"),
                        answer.header("Content-Transfer-Encoding"),
                        answer.body(),
                        certificates.verifying(partner.id()),
                        clock.instant());
                if (read instanceof Mdn.Invalid invalid) {
                    throw new TransferFailed("the partner's MDN: " + invalid.reason(), false);
                }
                Optional<String> problem = receipted(
                                partner,
                                as2MessageId,
                                (Mdn.Valid) read,
                                answer.header("Content-Type"),
                                answer.body(),
                                answer.header("Message-ID"))
                        .orElseThrow(() -> new TransferFailed("the MDN answers another message", true))
                        .problem();
                if (problem.isPresent()) {
                    throw new TransferFailed(problem.get(), true);
                }
            }
        }
    }

    /**
     * Where partners send asynchronous MDNs: {@code seamline.as2.async-mdn-url}, or this gateway's own {@code /as2/mdn}
     * on localhost when it is not set (development; production names its public URL).
     */
    private String asyncMdnUrl() {
        if (settings.asyncMdnUrl() != null && !settings.asyncMdnUrl().isBlank()) {
            return settings.asyncMdnUrl();
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/as2/mdn";
    }

    /** Our asynchronous MDN for a partner's message, to the receipt URL it gave. */
    private void sendMdn(OutboundDelivery delivery, ArchivedMessage mdn, byte[] content, Agreement agreement)
            throws TransferFailed {
        String messageId = messages.externalId(mdn.id()).orElse("<" + mdn.id() + "@" + keys.as2Id() + ">");
        var headers = new LinkedHashMap<>(As2Reply.As2Headers.of(keys.as2Id(), agreement.as2Id(), messageId));
        headers.put("Content-Type", mdn.mediaType());
        post.post(delivery.target(), headers, content, settings.requestTimeout());
    }

    /**
     * A partner's MDN for one of our messages, synchronous or asynchronous: archived as its own message (the
     * evidence), matched to what it answers, checked. Empty when it answers no message we sent.
     */
    Optional<Receipted> receipted(
            Partner partner, String as2MessageId, Mdn.Valid mdn, String contentType, byte[] body, String mdnMessageId) {
        Optional<As2Exchange> exchange = exchanges.find(partner.id(), Direction.OUTBOUND, as2MessageId);
        if (exchange.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ArchivedMessage ours = messages.find(exchange.get().messageId(), PartnerScope.everyone())
                .orElseThrow();
        ArchivedMessage archived = messages.archiveOnce(
                new IncomingMessage(
                        Direction.INBOUND,
                        Channel.EDI,
                        "as2",
                        MessageFormat.MIME,
                        partner.id(),
                        body,
                        contentType,
                        null),
                now,
                "as2-receipt:" + partner.id() + ":" + as2MessageId,
                As2Receiver.MDN,
                ControlNumbers.none(),
                ours.id());
        if (mdnMessageId != null) {
            messages.identify(archived.id(), mdnMessageId);
        }
        String problem = null;
        boolean signatureExpected = !certificates.verifying(partner.id()).isEmpty();
        if (signatureExpected && !mdn.signed()) {
            problem = "the partner's MDN is not signed";
        } else if (!mdn.receipt().disposition().ok()) {
            problem = "the partner's MDN says " + mdn.receipt().disposition().problem();
        } else if (exchange.get().mic() != null
                && !Mdn.sameMic(exchange.get().mic(), mdn.receipt().mic())) {
            problem = "the MIC in the partner's MDN (" + mdn.receipt().mic() + ") is not the MIC of what we sent ("
                    + exchange.get().mic() + ")";
        }
        messages.transition(
                archived.id(),
                List.of(MessageStatus.RECEIVED),
                problem == null ? MessageStatus.PROCESSED : MessageStatus.REJECTED,
                problem,
                now);
        exchanges.receipted(
                partner.id(),
                as2MessageId,
                archived.id(),
                mdn.receipt().disposition().field(),
                now);
        slaExpectations.met(SlaProfile.Kind.AS2_MDN, null, as2MessageId, archived.id());
        Subject subject = outbox.forMessage(ours.id()).stream()
                .map(OutboundDelivery::subject)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(Subject::parse)
                .orElse(new Subject(Subject.MESSAGE, ours.id().toString()));
        timeline.remember(
                subject,
                TimelineKind.DELIVERY,
                problem == null
                        ? "AS2 MDN from " + partner.id() + ": processed, MIC matches"
                        : "AS2 MDN from " + partner.id() + ": " + problem,
                "partner:" + partner.id(),
                Map.of(
                        "as2MessageId",
                        as2MessageId,
                        "mdnMessageId",
                        archived.id().toString()),
                archived.id(),
                "as2-receipt:" + as2MessageId);
        return Optional.of(new Receipted(ours, Optional.ofNullable(problem)));
    }

    /** What a partner's MDN answered: our message, and what is wrong with the receipt, if anything. */
    record Receipted(ArchivedMessage ours, Optional<String> problem) {}

    private static Subject subjectOf(OutboundDelivery delivery, ArchivedMessage message) {
        return delivery.subject() != null
                ? Subject.parse(delivery.subject())
                : new Subject(Subject.MESSAGE, message.id().toString());
    }
}
