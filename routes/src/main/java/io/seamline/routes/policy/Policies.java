package io.seamline.routes.policy;

import io.seamline.model.partner.Partner;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Hands out the limits in force for a partner and an item category. */
@Service
@EnableConfigurationProperties(PolicySettings.class)
public class Policies {

    private final PolicySettings settings;

    public Policies(PolicySettings settings) {
        this.settings = settings;
        for (Limit limit : Limit.values()) {
            // A typo in configuration shows at start, not at the first invoice.
            PolicyValues values = new PolicyValues(Map.of(), Map.of(), settings.defaults());
            checkParses(values, limit);
            settings.categories().values().forEach(c -> checkParses(new PolicyValues(Map.of(), c, Map.of()), limit));
        }
    }

    public PolicyValues of(Partner partner, String category) {
        Map<String, String> byCategory =
                category == null ? Map.of() : settings.categories().getOrDefault(category, Map.of());
        return new PolicyValues(partner == null ? Map.of() : partner.policy(), byCategory, settings.defaults());
    }

    private static void checkParses(PolicyValues values, Limit limit) {
        if (limit.fallback().equals("true") || limit.fallback().equals("false")) {
            return;
        }
        values.number(limit);
    }
}
