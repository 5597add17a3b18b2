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
        Map<String, String> byCategory =
                category == null ? Map.of() : settings.categories().getOrDefault(category, Map.of());
        return new PolicyValues(partner == null ? Map.of() : partner.policy(), byCategory, settings.defaults());
    }
}
