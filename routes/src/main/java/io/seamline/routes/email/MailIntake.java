package io.seamline.routes.email;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.routes.pipeline.InboundQueue;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail from a mailbox, archived as raw MIME with its Message-ID before anything reads it. The same Message-ID again
 * (fetched twice, sent twice) is archived as DUPLICATE and has no effect; anything else is queued for the pipeline.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final Messages messages;
    private final Partners partners;
    private final InboundQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MailIntake(
            Messages messages, Partners partners, InboundQueue queue, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.partners = partners;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void receive(Message mail, String mailbox, String partner) throws MessagingException, IOException {
        var raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        String[] ids = mail.getHeader("Message-ID");
        String messageId = ids == null || ids.length == 0
                ? null
                : ids[0].replaceAll("[\r\n]+", " ").trim();
        receive(raw.toByteArray(), messageId, mailbox, partner);
    }

    /** Archives and queues a mail; returns the archived message. */
    public ArchivedMessage receive(byte[] raw, String messageId, String mailbox, String partner) {
        PartnerId owner = partner == null || partner.isBlank() || !PartnerId.isValid(partner)
                ? null
                : Optional.of(PartnerId.of(partner)).filter(partners::exists).orElse(null);
        ArchivedMessage archived = transactions.execute(tx -> {
            ArchivedMessage message = messages.archive(
                    new IncomingMessage(
                            Direction.INBOUND,
                            Channel.EMAIL,
                            "imap:" + mailbox,
                            MessageFormat.MIME,
                            owner,
                            raw,
                            "message/rfc822",
                            null),
                    clock.instant());
            if (messageId != null) {
                messages.identify(message.id(), messageId);
                Optional<ArchivedMessage> first =
                        messages.byExternalId(Channel.EMAIL, Direction.INBOUND, messageId, message.id());
                if (first.isPresent()) {
                    messages.transition(
                            message.id(),
                            List.of(MessageStatus.RECEIVED),
                            MessageStatus.DUPLICATE,
                            "mail " + messageId + " was received before in message "
                                    + first.get().id(),
                            clock.instant());
                }
            }
            ArchivedMessage stored = messages.find(message.id(), io.seamline.model.partner.PartnerScope.everyone())
                    .orElseThrow();
            if (stored.status() == MessageStatus.RECEIVED) {
                queue.submit(stored.id(), owner == null ? "mail:" + mailbox : owner.value());
            }
            return stored;
        });
        if (archived.status() != MessageStatus.RECEIVED) {
            log.info("mail {} from mailbox {} is a duplicate of an earlier one", messageId, mailbox);
        }
        return archived;
    }
}
