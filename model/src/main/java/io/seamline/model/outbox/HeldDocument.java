package io.seamline.model.outbox;

import io.seamline.model.message.MessageId;
import java.util.Objects;

/**
 * An outbound document kept as its delivery, without a message row of its own (an ERP write-back): its bytes are in
 * the blob store under {@code sha256}, {@code id} names it however often it is delivered, and {@code cause} is the
 * message it came from, if any, whose timeline it shows on.
 */
public record HeldDocument(
        MessageId id,
        String sha256,
        long sizeBytes,
        String mediaType,
        String fileName,
        String documentType,
        MessageId cause) {

    public HeldDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
    }
}
