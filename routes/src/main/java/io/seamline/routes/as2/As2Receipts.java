package io.seamline.routes.as2;

import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.mappings.as2.Mdn;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerScope;
import io.seamline.routes.deliver.Deliveries;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's asynchronous MDN for one of our messages, posted to {@code seamline.as2.async-mdn-url}: checked like a
 * synchronous one; a refusal or a wrong MIC fails our message for good, with a task for a person.
 */
@Service
public class As2Receipts {

    private static final Logger log = LoggerFactory.getLogger(As2Receipts.class);

    private final Partners partners;
    private final As2Certificates certificates;
    private final As2Sender sender;
    private final Messages messages;
    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public As2Receipts(
            Partners partners,
            As2Certificates certificates,
            As2Sender sender,
            Messages messages,
            Deliveries deliveries,
            TransactionTemplate transactions,
            Clock clock) {
        this.partners = partners;
        this.certificates = certificates;
        this.sender = sender;
        this.messages = messages;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    public As2Reply receive(As2Request request) {
        String from = request.as2Id("AS2-From");
        Optional<Partner> partner = from == null
                ? Optional.empty()
                : partners.identify(PartnerIdentifier.of(IdentifierScheme.AS2, from))
                        .flatMap(partners::find);
        if (partner.isEmpty() || request.header("Content-Type") == null) {
            return As2Reply.text(400, "an MDN needs the AS2-From of a partner and a Content-Type");
        }
        Mdn.Read read = Mdn.read(
                request.header("Content-Type"),
                request.header("Content-Transfer-Encoding"),
                request.body(),
                certificates.verifying(partner.get().id()),
                clock.instant());
        if (read instanceof Mdn.Invalid invalid) {
            log.warn("MDN from {} refused: {}", partner.get().id(), invalid.reason());
            return As2Reply.text(400, invalid.reason());
        }
        var mdn = (Mdn.Valid) read;
        String original = mdn.receipt().originalMessageId();
        if (original == null) {
            return As2Reply.text(400, "the MDN names no Original-Message-ID");
        }
        Optional<String> problem = transactions.execute(tx -> sender.receipted(
                partner.get(),
                original,
                mdn,
                request.header("Content-Type"),
                request.body(),
                request.header("Message-ID")));
        if (problem.isPresent() && problem.get().contains("which we did not send")) {
            return As2Reply.text(400, problem.get());
        }
        if (problem.isPresent()) {
            log.warn("MDN from {} for {}: {}", partner.get().id(), original, problem.get());
            String id = original.replaceAll("[<>]", "");
            String messageId = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
            try {
                messages.find(io.seamline.model.message.MessageId.parse(messageId), PartnerScope.everyone())
                        .ifPresent(message -> deliveries.refusedLater(message, problem.get()));
            } catch (IllegalArgumentException e) {
                // not one of our ids: nothing to fail
            }
        }
        return As2Reply.text(200, "MDN received");
    }
}
