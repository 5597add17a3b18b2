package io.seamline.adapters.delivery;

import java.util.Objects;

/**
 * One archived message on its way out: where to ({@code target}: a folder or a URL), under which file name, as what
 * media type, and the key the receiver can use to recognise a retry ({@code Idempotency-Key}).
 */
public record Transfer(String target, String fileName, String mediaType, byte[] content, String idempotencyKey) {

    public Transfer {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
