package io.seamline.model.partner;

/** A way of reaching a partner. */
public enum ChannelKind {
    AS2,
    SFTP,
    /** A local folder (an SFTP landing area served by another host, or a shared drive). */
    FILE,
    /** HTTP(S) POST of documents to the partner's endpoint. */
    HTTP,
    EMAIL,
    WEBHOOK,
    /** The partner works in our portal; answers wait there. */
    PORTAL
}
