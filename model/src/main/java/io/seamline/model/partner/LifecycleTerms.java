package io.seamline.model.partner;

import java.util.List;
import java.util.Map;

/**
 * What a partner's profile says of its lifecycle when it is onboarded: LIVE for every document type (a partner moved
 * from another gateway, with the reason), else it starts ONBOARDING with the types of its channels TESTING; what
 * becomes of its production traffic of a type not LIVE; its own checklists (document type, or {@code outbound:<type>},
 * to scenario names), over the defaults.
 */
public record LifecycleTerms(
        LifecycleState state, String reason, NotLiveTraffic notLive, Map<String, List<String>> checklists) {

    public LifecycleTerms {
        notLive = notLive == null ? NotLiveTraffic.TEST : notLive;
        checklists = checklists == null ? Map.of() : Map.copyOf(checklists);
    }

    /** A profile that says nothing of its lifecycle: the partner starts ONBOARDING, its traffic tested. */
    public static LifecycleTerms none() {
        return new LifecycleTerms(null, null, NotLiveTraffic.TEST, Map.of());
    }

    public boolean live() {
        return state == LifecycleState.LIVE;
    }
}
