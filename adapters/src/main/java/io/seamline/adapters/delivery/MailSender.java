package io.seamline.adapters.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sends an archived mail, bytes unchanged, to the transfer's target address through the configured SMTP server.
 * A server that answers 5xx for the recipient fails for good; anything else is retried.
 */
@Component
@EnableConfigurationProperties(SmtpSettings.class)
public class MailSender {

    private final SmtpSettings settings;

    public MailSender(SmtpSettings settings) {
        this.settings = settings;
    }

    public void send(Transfer transfer) throws TransferFailed {
        if (!settings.configured()) {
            throw new TransferFailed("no SMTP server is configured (seamline.email.smtp.host)", true);
        }
        var properties = new Properties();
        boolean ssl = settings.security().equals("ssl");
        String protocol = ssl ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", settings.host());
        properties.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        properties.put("mail." + protocol + ".auth", String.valueOf(settings.username() != null));
        if (settings.security().equals("starttls")) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Session session = Session.getInstance(properties);
        try {
            var message = new MimeMessage(session, new ByteArrayInputStream(transfer.content()));
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, new InternetAddress[] {new InternetAddress(transfer.target(), true)});
            }
        } catch (jakarta.mail.SendFailedException e) {
            throw new TransferFailed("the SMTP server refused " + transfer.target() + ": " + e.getMessage(), true);
        } catch (MessagingException e) {
            throw new TransferFailed("sending to " + transfer.target() + " failed: " + e.getMessage(), e);
        }
    }
}
