package io.seamline.portal.api;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.api.rate-limit}: how many requests a second a partner may make ({@code per-second}) and how many
 * at once after a quiet spell ({@code burst}); {@code partners.<id>} overrides both for one partner. Internal callers
 * are not limited.
 */
@ConfigurationProperties("seamline.api.rate-limit")
record RateLimitSettings(double perSecond, int burst, Map<String, Limit> partners) {

    public RateLimitSettings {
        perSecond = perSecond <= 0 ? 20 : perSecond;
        burst = burst <= 0 ? 40 : burst;
        partners = Map.copyOf(partners == null ? Map.of() : partners);
    }

    /** One partner's limit. */
    public record Limit(double perSecond, int burst) {}

    Limit of(String partner) {
        Limit own = partners.get(partner);
        return own != null && own.perSecond() > 0 && own.burst() > 0 ? own : new Limit(perSecond, burst);
    }
}
