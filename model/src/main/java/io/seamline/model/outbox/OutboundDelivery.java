package io.seamline.model.outbox;

import io.seamline.model.message.MessageId;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One archived outbound message to deliver over one channel, with its retry state. {@code subject} is what the
 * message is about ({@code po/…}, {@code shipment/…}), so its delivery shows on that timeline.
 */
public record OutboundDelivery(
        UUID id,
        MessageId messageId,
        PartnerId partnerId,
        ChannelKind channel,
        String target,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        String subject) {

    public OutboundDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
