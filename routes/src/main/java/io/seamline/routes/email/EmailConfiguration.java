package io.seamline.routes.email;

import io.seamline.adapters.email.AttachmentLayouts;
import io.seamline.adapters.email.EmailSettings;
import io.seamline.adapters.email.EmailTemplates;
import io.seamline.adapters.persistence.PublishedVersions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partners' e-mail templates and attachment layouts: the shipped ones plus those in
 * {@code seamline.email.templates} and {@code seamline.email.layouts} (read at start; a file that is not valid stops
 * the start).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    @Bean
    EmailTemplates emailTemplates(EmailSettings settings, PublishedVersions published) {
        return EmailTemplates.load(settings.templates()).with(published);
    }

    /** Compiled while the rest of the gateway starts (a second of Smooks); a layout that is not valid stops the start. */
    @Bean(destroyMethod = "close", bootstrap = Bean.Bootstrap.BACKGROUND)
    AttachmentLayouts attachmentLayouts(EmailSettings settings) {
        return AttachmentLayouts.load(settings.layouts());
    }
}
