package io.seamline.routes.pipeline;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.edi.EdiListener;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetResult;
import io.seamline.mappings.edi.Unreadable;
import io.seamline.model.event.EventData;
import io.seamline.model.partner.PartnerId;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What orders an EDI message among the others on the bus: the purchase order all its documents are about ({@code
 * po/<number>}), else its sender. A partner's messages about one PO (an 855, then its 856, then its 810) are
 * therefore processed one after the other, in the order they came, while its messages about other POs are processed
 * alongside. The documents are read once more for it, up to {@link #MAX_BYTES}; a bigger interchange (a batch file)
 * goes under its sender.
 */
@Component
class OrderingKeys {

    /** Interchanges up to this size are read for their POs; bigger ones are keyed by their sender. */
    static final int MAX_BYTES = 256 * 1024;

    private final EdiEngine engine;
    private final PartnerMappings mappings;

    public OrderingKeys(EdiEngine engine, PartnerMappings mappings) {
        this.engine = engine;
        this.mappings = mappings;
    }

    /**
     * The PO all of the message's documents are about, as a subject ({@code po/<number>}): the message's ordering key,
     * kept with it so that a requeued message goes where it went first. Empty when they name several POs or none, or
     * the interchange is too big to read again: the message goes under its sender.
     */
    public Optional<String> subject(byte[] content, PartnerId sender) {
        if (content.length > MAX_BYTES) {
            return Optional.empty();
        }
        var orders = new PurchaseOrdersNamed();
        engine.read(new ByteArrayInputStream(content), envelope -> mappings.profileOf(sender.value()), orders);
        return orders.numbers.size() == 1 && !orders.unnamed
                ? Optional.of("po/" + orders.numbers.iterator().next())
                : Optional.empty();
    }

    /** Collects the POs the documents name; a document that names none makes the message the sender's. */
    private static final class PurchaseOrdersNamed implements EdiListener {

        private final Set<String> numbers = new HashSet<>();
        private boolean unnamed;

        @Override
        public void set(SetResult set) {
            if (!set.status().producesEvents()) {
                return;
            }
            for (EventData data : set.events()) {
                Set<String> named = data.purchaseOrders();
                unnamed |= named.isEmpty();
                numbers.addAll(named);
            }
        }

        @Override
        public void interchange(InterchangeResult interchange) {}

        @Override
        public void unreadable(Unreadable unreadable) {
            unnamed = true;
        }
    }
}
