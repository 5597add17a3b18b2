package io.seamline.mappings.email;

/**
 * How much of a mail is read: its size, how many attachments and how large each, and for zip attachments how many
 * entries, how much uncompressed in total and how much larger than compressed (a zip bomb is refused, not unpacked).
 */
public record MailLimits(
        long maxMailBytes,
        int maxAttachments,
        long maxAttachmentBytes,
        int maxZipEntries,
        long maxUnzippedBytes,
        int maxZipRatio) {

    public static final MailLimits DEFAULTS =
            new MailLimits(25L * 1024 * 1024, 20, 10L * 1024 * 1024, 100, 50L * 1024 * 1024, 100);
}
