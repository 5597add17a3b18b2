package io.seamline.model.message;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the archive knows about one message, without its bytes (those are read on demand). {@code partnerId} is
 * empty while the sender is not yet identified, or for our own systems (ERP files). {@code documentType} names the
 * business document ({@code 855}, {@code ORDRSP}, {@code purchase-orders}); {@code relatedMessageId} points from an
 * acknowledgement or response to the message it answers, {@code ackMessageId} the other way. A {@code test} message
 * ran through the real pipeline without changing production (a test interchange, a test call, or a document of a kind
 * not yet LIVE for its partner).
 */
public record ArchivedMessage(
        MessageId id,
        Direction direction,
        Channel channel,
        String transport,
        MessageFormat format,
        PartnerId partnerId,
        MessageStatus status,
        String statusReason,
        String sha256,
        long sizeBytes,
        String mediaType,
        String fileName,
        String documentType,
        ControlNumbers controlNumbers,
        Instant receivedAt,
        Instant processedAt,
        MessageId relatedMessageId,
        MessageId ackMessageId,
        boolean test) {

    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(receivedAt, "receivedAt");
        controlNumbers = controlNumbers == null ? ControlNumbers.none() : controlNumbers;
    }

    /** A message as archived before it was known to be test traffic. */
    public ArchivedMessage(
            MessageId id,
            Direction direction,
            Channel channel,
            String transport,
            MessageFormat format,
            PartnerId partnerId,
            MessageStatus status,
            String statusReason,
            String sha256,
            long sizeBytes,
            String mediaType,
            String fileName,
            String documentType,
            ControlNumbers controlNumbers,
            Instant receivedAt,
            Instant processedAt,
            MessageId relatedMessageId,
            MessageId ackMessageId) {
        this(
                id,
                direction,
                channel,
                transport,
                format,
                partnerId,
                status,
                statusReason,
                sha256,
                sizeBytes,
                mediaType,
                fileName,
                documentType,
                controlNumbers,
                receivedAt,
                processedAt,
                relatedMessageId,
                ackMessageId,
                false);
    }

    /** The same message, known to be test traffic. */
    public ArchivedMessage asTest() {
        return new ArchivedMessage(
                id,
                direction,
                channel,
                transport,
                format,
                partnerId,
                status,
                statusReason,
                sha256,
                sizeBytes,
                mediaType,
                fileName,
                documentType,
                controlNumbers,
                receivedAt,
                processedAt,
                relatedMessageId,
                ackMessageId,
                true);
    }

    public Optional<PartnerId> partner() {
        return Optional.ofNullable(partnerId);
    }
}
