package io.seamline.coordination.respond;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code seamline.identity}: who we are in partners' envelopes, X12 (ISA qualifier and id, also used as GS
 * application code) and EDIFACT (UNB id and qualifier; 14 for a GLN).
 */
@ConfigurationProperties("seamline.identity")
record IdentitySettings(
        @DefaultValue("ZZ") String x12Qualifier,
        @DefaultValue("SEAMLINEBUYER") String x12Id,
        @DefaultValue("14") String edifactQualifier,
        @DefaultValue("5412345000013") String edifactId) {}
