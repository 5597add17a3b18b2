package io.seamline.adapters.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.email.smtp}: the server our mails go out through. {@code security} is {@code none},
 * {@code starttls} (required) or {@code ssl}; no host means e-mail delivery is off (such deliveries fail and a
 * person is asked).
 */
@ConfigurationProperties("seamline.email.smtp")
public record SmtpSettings(String host, int port, String username, String password, String security) {

    public SmtpSettings {
        port = port <= 0 ? 587 : port;
        security = security == null ? "starttls" : security.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
