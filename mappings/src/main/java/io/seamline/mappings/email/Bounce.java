package io.seamline.mappings.email;

/** A delivery report: which of our mails did not arrive, to whom, with the server's status and diagnostic. */
public record Bounce(String originalMessageId, String recipient, String status, String diagnostic) {}
