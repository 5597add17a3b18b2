package io.seamline.model.message;

import io.seamline.model.partner.PartnerId;
import java.util.Objects;

/**
 * Bytes to archive, as a channel received or produced them, before anything else looks at them. The archive
 * computes the hash and assigns the id; {@code partnerId} may be null when the channel cannot tell the sender.
 */
public record IncomingMessage(
        Direction direction,
        Channel channel,
        String transport,
        MessageFormat format,
        PartnerId partnerId,
        byte[] content,
        String mediaType,
        String fileName) {

    public IncomingMessage {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
    }
}
