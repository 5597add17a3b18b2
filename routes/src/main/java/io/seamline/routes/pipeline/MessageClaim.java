package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.coordination.steps.Claimed;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes a message for processing: only a RECEIVED inbound message that no other worker holds; anything else (already
 * processed, taken by a concurrent worker) is null, and the route lets it go.
 */
@Component
public class MessageClaim {

    private final Messages messages;

    public MessageClaim(Messages messages) {
        this.messages = messages;
    }

    public Claimed claim(MessageId id) {
        return messages.claim(id)
                .map(message -> new Claimed(
                        message, messages.content(id, PartnerScope.everyone()).orElseThrow()))
                .orElse(null);
    }

    /** Takes the messages of a batch that can be taken, with their bytes, in one read, oldest first. */
    public List<Claimed> claimAll(List<MessageId> ids) {
        return messages.claimAll(ids).stream()
                .map(stored -> new Claimed(stored.message(), stored.content()))
                .toList();
    }
}
