package io.seamline.coordination.policy;

import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.policy.PolicyDecision.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customs hold or rejection always goes to a person; other statuses are recorded. */
public final class CustomsRules {

    public static final String HOLD = "customs.hold";
    public static final int VERSION = 1;

    private CustomsRules() {}

    public static PolicyDecision status(CustomsStatusReported status) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("entryNumber", status.entryNumber());
        inputs.put("status", status.status() == null ? null : status.status().name());
        inputs.put("reason", status.reason());
        inputs.put("documentsRequested", status.documentsRequested());
        if (status.status() == CustomsStatusReported.Status.HOLD
                || status.status() == CustomsStatusReported.Status.REJECTED) {
            return new PolicyDecision(
                    HOLD,
                    VERSION,
                    inputs,
                    Outcome.TASK,
                    "customs " + status.status().name().toLowerCase(java.util.Locale.ROOT)
                            + (status.reason() == null ? "" : " (" + status.reason() + ")")
                            + "; a hold always needs a person");
        }
        return new PolicyDecision(
                HOLD,
                VERSION,
                inputs,
                Outcome.APPLY,
                "customs status "
                        + (status.status() == null ? "unknown" : status.status().name()) + " recorded");
    }
}
