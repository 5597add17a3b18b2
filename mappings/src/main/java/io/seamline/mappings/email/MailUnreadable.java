package io.seamline.mappings.email;

/** Why a mail cannot be read: it is quarantined with this reason, and the mailbox goes on. */
record MailUnreadable(Reason reason, String detail) {

    public enum Reason {
        TOO_LARGE,
        TOO_MANY_ATTACHMENTS,
        ATTACHMENT_TOO_LARGE,
        ZIP_BOMB,
        TOO_DEEP,
        MALFORMED
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
