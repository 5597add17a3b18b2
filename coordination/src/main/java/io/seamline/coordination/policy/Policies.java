package io.seamline.coordination.policy;

import io.seamline.model.partner.Partner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        // A typo in configuration shows at start, not at the first invoice.
        var problems = new ArrayList<String>(problems(settings.defaults()));
        settings.categories().forEach((name, policy) -> problems(policy).forEach(p -> problems.add(name + ": " + p)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("seamline.policies is not valid: " + problems);
        }
    }

    /** What is wrong with a partner's (or the configuration's) policy map: unknown keys and values that do not fit. */
    public static List<String> problems(Map<String, String> policy) {
        var problems = new ArrayList<String>();
        policy.forEach((key, value) -> Limit.byKey(key)
                .ifPresentOrElse(
                        limit -> {
                            String problem = limit.problem(value);
                            if (problem != null) {
                                problems.add(problem);
                            }
                        },
                        () -> problems.add("unknown policy " + key + "; known: "
                                + Arrays.stream(Limit.values()).map(Limit::key).toList())));
        return problems;
    }

    public PolicyValues of(Partner partner, String category) {
        Draft draft = DRAFT.get();
        Map<String, String> defaults = settings.defaults();
        Map<String, String> byCategory =
                category == null ? Map.of() : settings.categories().getOrDefault(category, Map.of());
        if (draft != null) {
            defaults = Draft.over(defaults, draft.defaults());
            if (category != null) {
                byCategory = Draft.over(byCategory, draft.categories().getOrDefault(category, Map.of()));
            }
        }
        return new PolicyValues(partner == null ? Map.of() : partner.policy(), byCategory, defaults);
    }

    private static final ThreadLocal<Draft> DRAFT = new ThreadLocal<>();

    /**
     * Proposed defaults and category limits, for a replay: each key set (a blank value removes it) over the
     * configured ones. Only {@link #withDraft} puts one in force, for the work it runs on this thread.
     */
    public record Draft(Map<String, String> defaults, Map<String, Map<String, String>> categories) {

        public Draft {
            defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
            categories = categories == null ? Map.of() : Map.copyOf(categories);
        }

        /** {@code changes} over {@code values}: set, or removed by a blank value. */
        public static Map<String, String> over(Map<String, String> values, Map<String, String> changes) {
            var merged = new java.util.LinkedHashMap<>(values);
            changes.forEach((key, value) -> {
                if (value == null || value.isBlank()) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
            return Map.copyOf(merged);
        }
    }

    /** Runs {@code work} with a draft of the defaults and categories in force (a replay's draft side). */
    public <T> T withDraft(Draft draft, java.util.function.Supplier<T> work) {
        Draft outer = DRAFT.get();
        DRAFT.set(draft);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DRAFT.remove();
            } else {
                DRAFT.set(outer);
            }
        }
    }

    /** The configured limits' category names. */
    public java.util.Set<String> categories() {
        return settings.categories().keySet();
    }
}
