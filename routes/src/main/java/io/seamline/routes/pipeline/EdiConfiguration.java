package io.seamline.routes.pipeline;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.persistence.PublishedVersions;
import io.seamline.mappings.edi.EdiEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The EDI engine, bounded by {@code seamline.pipeline.max-message-size}, and the partners' mapping files: the shipped
 * ones plus those in {@code seamline.edi.partner-mappings} (read at start; a file that is not valid stops the start).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PipelineSettings.class, EdiSettings.class})
class EdiConfiguration {

    @Bean
    EdiEngine ediEngine(PipelineSettings settings) {
        return new EdiEngine(settings.maxMessageSize().toBytes());
    }

    @Bean
    PartnerMappings partnerMappings(EdiSettings settings, PublishedVersions published) {
        return PartnerMappings.load(settings.partnerMappings()).with(published);
    }
}
