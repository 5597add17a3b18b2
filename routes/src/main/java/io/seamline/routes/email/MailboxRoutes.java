package io.seamline.routes.email;

import io.seamline.adapters.email.EmailSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per configured mailbox, from one template: read unseen mails over IMAP without marking them (peek), drop
 * every header the mail or the transport brought along, archive the mail; only then is it marked seen. A mail that
 * fails is skipped for this poll and stays unseen, so the next ones are still read. With several nodes, one at a
 * time polls a mailbox ({@link MailboxTurns}).
 */
@Component
class MailboxRoutes extends RouteBuilder {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailboxRoutes.class);

    /** Route template every mailbox route is made from. */
    public static final String TEMPLATE = "mailbox";

    private final EmailSettings settings;

    public MailboxRoutes(EmailSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("uri")
                .templateParameter("mailbox")
                .templateParameter("partner", "")
                .from("{{uri}}")
                .removeHeaders("*")
                .bean(MailIntake.class, "receive(${body}, '{{mailbox}}', '{{partner}}')");

        for (EmailSettings.Mailbox mailbox : settings.mailboxes()) {
            if (mailbox.authservId() == null) {
                log.warn(
                        "mailbox {} takes a mail's From address on trust: set seamline.email.mailboxes[].authserv-id"
                                + " to the name your mail server writes in Authentication-Results, so only mails it"
                                + " authenticated (DMARC, aligned DKIM) speak for a partner",
                        mailbox.name());
            }
            templatedRoute(TEMPLATE)
                    .routeId("mailbox-" + mailbox.name())
                    .parameter("uri", uri(mailbox))
                    .parameter("mailbox", mailbox.name())
                    .parameter("partner", mailbox.partner() == null ? "" : mailbox.partner());
        }
    }

    static String uri(EmailSettings.Mailbox mailbox) {
        return mailbox.url() + "?username=" + encode(mailbox.username()) + "&password=RAW(" + mailbox.password() + ")"
                + "&folderName=" + encode(mailbox.folder()) + "&unseen=true&peek=true&delete=false"
                + "&mapMailMessage=false&skipFailedMessage=true&closeFolder=false&delay="
                + mailbox.delay().toMillis() + "&pollStrategy=#" + MailboxTurns.BEAN;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
