package io.seamline.adapters.email;

import io.seamline.mappings.email.MailLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code seamline.email}: our address ({@code from}), the mailboxes to read, where partners' own templates are
 * ({@code templates}) and their CSV sheets' layouts ({@code layouts}), and the reading limits. The SMTP server is {@code seamline.email.smtp.*}.
 */
@ConfigurationProperties("seamline.email")
public record EmailSettings(String from, List<Mailbox> mailboxes, Path templates, Path layouts, Limits limits) {

    public EmailSettings {
        from = from == null || from.isBlank() ? "orders@seamline.example" : from.trim();
        mailboxes = List.copyOf(mailboxes == null ? List.of() : mailboxes);
        limits = limits == null ? new Limits(null, 0, null, 0, null, 0) : limits;
    }

    /** The mailbox of this name, if one is configured. */
    public java.util.Optional<Mailbox> mailbox(String name) {
        return mailboxes.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * One mailbox: {@code url} ({@code imap://host:port} or {@code imaps://…}), credentials, the folder, how often it
     * is read, and {@code partner} when it belongs to one partner (its mails must still come from that partner's
     * addresses or domains). {@code authservId} is the name our own mail server gives itself in the {@code
     * Authentication-Results} headers it adds: when set, a mail counts as its From address's only if that server
     * vouches for it (DMARC, or an aligned DKIM signature); without it, the From address is taken on trust.
     */
    public record Mailbox(
            String name,
            String url,
            String username,
            String password,
            String folder,
            Duration delay,
            String partner,
            String authservId) {

        public Mailbox {
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            delay = delay == null ? Duration.ofSeconds(30) : delay;
            authservId = authservId == null || authservId.isBlank() ? null : authservId.trim();
        }
    }

    /** How much of a mail is read; see {@link MailLimits}. */
    public record Limits(
            DataSize maxMailSize,
            int maxAttachments,
            DataSize maxAttachmentSize,
            int maxZipEntries,
            DataSize maxUnzippedSize,
            int maxZipRatio) {

        public MailLimits toMailLimits() {
            MailLimits d = MailLimits.DEFAULTS;
            return new MailLimits(
                    maxMailSize == null ? d.maxMailBytes() : maxMailSize.toBytes(),
                    maxAttachments <= 0 ? d.maxAttachments() : maxAttachments,
                    maxAttachmentSize == null ? d.maxAttachmentBytes() : maxAttachmentSize.toBytes(),
                    maxZipEntries <= 0 ? d.maxZipEntries() : maxZipEntries,
                    maxUnzippedSize == null ? d.maxUnzippedBytes() : maxUnzippedSize.toBytes(),
                    maxZipRatio <= 0 ? d.maxZipRatio() : maxZipRatio);
        }
    }
}
