package io.seamline.routes.email;

import io.seamline.adapters.email.AttachmentLayouts;
import io.seamline.adapters.email.EmailSettings;
import io.seamline.adapters.email.EmailTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partners' e-mail templates and attachment layouts: the shipped ones plus those in
 * {@code seamline.email.templates} (read at start; a file that is not valid stops the start).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    @Bean
    EmailTemplates emailTemplates(EmailSettings settings) {
        return EmailTemplates.load(settings.templates());
    }

    @Bean(destroyMethod = "close")
    AttachmentLayouts attachmentLayouts(@Value("${seamline.email.layouts:}") String folder) {
        return AttachmentLayouts.load(folder == null || folder.isBlank() ? null : java.nio.file.Path.of(folder));
    }
}
