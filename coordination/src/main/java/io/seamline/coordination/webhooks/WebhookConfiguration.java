package io.seamline.coordination.webhooks;

import io.seamline.adapters.delivery.TargetGuard;
import io.seamline.adapters.delivery.WebhookPost;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guard against internal targets, and the webhook sender that uses it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    TargetGuard webhookTargets(WebhookSettings settings) {
        return new TargetGuard(Set.copyOf(settings.allowedTargets()));
    }

    @Bean
    WebhookPost webhookPost(TargetGuard webhookTargets) {
        return new WebhookPost(webhookTargets);
    }
}
