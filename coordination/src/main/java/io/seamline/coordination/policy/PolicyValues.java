package io.seamline.coordination.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The limits in force for one partner (and one item category): the partner's own policy, then the category's,
 * then the configured defaults, then the built-in ones. Each value knows where it came from, for the decision record.
 */
public final class PolicyValues {

    private final Map<String, String> partner;
    private final Map<String, String> category;
    private final Map<String, String> defaults;

    PolicyValues(Map<String, String> partner, Map<String, String> category, Map<String, String> defaults) {
        this.partner = partner;
        this.category = category;
        this.defaults = defaults;
    }

    /** Built-in limits only: for tests and for partners without a profile. */
    public static PolicyValues builtIn() {
        return new PolicyValues(Map.of(), Map.of(), Map.of());
    }

    /** Limits with a partner's own overrides on top of the built-in ones. */
    public static PolicyValues of(Map<String, String> partnerPolicy) {
        return new PolicyValues(partnerPolicy, Map.of(), Map.of());
    }

    public String text(Limit limit) {
        String value = partner.get(limit.key());
        if (value == null) {
            value = category.get(limit.key());
        }
        if (value == null) {
            value = defaults.get(limit.key());
        }
        return value == null ? limit.fallback() : value;
    }

    public BigDecimal number(Limit limit) {
        return Limit.number(limit, text(limit));
    }

    public boolean flag(Limit limit) {
        return Limit.flag(text(limit));
    }

    /** Where the value in force comes from: {@code partner}, {@code category}, {@code defaults} or {@code built-in}. */
    public String source(Limit limit) {
        if (partner.containsKey(limit.key())) {
            return "partner";
        }
        if (category.containsKey(limit.key())) {
            return "category";
        }
        return defaults.containsKey(limit.key()) ? "defaults" : "built-in";
    }
}
