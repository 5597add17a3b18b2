package io.seamline.model.message;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The archive's id for one message. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    public static MessageId parse(String text) {
        return new MessageId(UUID.fromString(text));
    }

    /** The id a text writes as a UUID does (36 characters), if it writes one. */
    public static Optional<MessageId> tryParse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
