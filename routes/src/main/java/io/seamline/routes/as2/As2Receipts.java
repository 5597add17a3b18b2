package io.seamline.routes.as2;

import io.seamline.adapters.persistence.Partners;
import io.seamline.mappings.as2.Mdn;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
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
    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public As2Receipts(
            Partners partners,
            As2Certificates certificates,
            As2Sender sender,
            Deliveries deliveries,
            TransactionTemplate transactions,
            Clock clock) {
        this.partners = partners;
        this.certificates = certificates;
        this.sender = sender;
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
        Optional<As2Sender.Receipted> receipted = transactions.execute(tx -> sender.receipted(
                partner.get(),
                original,
                mdn,
                request.header("Content-Type"),
                request.body(),
                request.header("Message-ID")));
        if (receipted.isEmpty()) {
            return As2Reply.text(
                    400,
                    "the MDN answers " + original + ", which we did not send to "
                            + partner.get().id());
        }
        receipted.get().problem().ifPresent(problem -> {
            log.warn("MDN from {} for {}: {}", partner.get().id(), original, problem);
            deliveries.refusedLater(receipted.get().ours(), problem);
        });
        return As2Reply.text(200, "MDN received");
    }
}
