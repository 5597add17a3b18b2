package io.seamline.model.outbox;

import io.seamline.model.message.MessageId;

/**
 * What an outbound document kept as its delivery, without a message row of its own (an ERP write-back), says of
 * itself besides its bytes: their type, its file name and document type, and {@code cause}, the message it came from,
 * if any, whose timeline it shows on. Its id is its delivery's message id; its bytes' hash and size are theirs.
 */
public record HeldDocument(String mediaType, String fileName, String documentType, MessageId cause) {}
