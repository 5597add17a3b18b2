package io.seamline.coordination.policy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.policies}: {@code defaults} override the built-in limits for everyone, {@code categories.<name>}
 * for the PO lines of one ERP item category. A partner's own {@code policy} map (its profile) wins over both.
 */
@ConfigurationProperties("seamline.policies")
public record PolicySettings(Map<String, String> defaults, Map<String, Map<String, String>> categories) {

    public PolicySettings {
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }
}
