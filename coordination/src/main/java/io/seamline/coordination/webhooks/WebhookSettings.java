package io.seamline.coordination.webhooks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.webhooks}: targets that may be internal anyway ({@code allowed-targets}, {@code host:port}, for a
 * deployment's own receivers), and how often due deliveries are sent ({@code poll}). Retries follow
 * {@code seamline.delivery.*}.
 */
@ConfigurationProperties("seamline.webhooks")
record WebhookSettings(List<String> allowedTargets) {

    public WebhookSettings {
        allowedTargets = allowedTargets == null
                ? List.of()
                : allowedTargets.stream()
                        .map(t -> t.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(t -> !t.isEmpty())
                        .toList();
    }
}
