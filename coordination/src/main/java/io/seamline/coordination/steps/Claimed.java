package io.seamline.coordination.steps;

import io.seamline.model.message.ArchivedMessage;
import java.util.Objects;

/** An inbound message taken for processing (its row locked until the transaction ends), with its bytes. */
public record Claimed(ArchivedMessage message, byte[] content) {

    public Claimed {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(content, "content");
    }
}
