package io.seamline.model.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one rule decided: {@code APPLY} inside the agreed boundary (the gateway acts on its own), {@code TASK}
 * outside it (a person decides). {@code inputs} are the facts and limits the rule saw, {@code rationale} says why in
 * a sentence a buyer would write.
 */
public record PolicyDecision(String rule, int version, Map<String, Object> inputs, Outcome outcome, String rationale) {

    public enum Outcome {
        APPLY,
        TASK
    }

    public PolicyDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rationale, "rationale");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public boolean applies() {
        return outcome == Outcome.APPLY;
    }

    /** The decision as a timeline entry's details: rule, ruleVersion, inputs, outcome, rationale. */
    public Map<String, Object> details() {
        var details = new LinkedHashMap<String, Object>();
        details.put("rule", rule);
        details.put("ruleVersion", version);
        details.put("inputs", inputs);
        details.put("outcome", outcome.name());
        details.put("rationale", rationale);
        return details;
    }
}
