package io.seamline.coordination.sla;

import io.seamline.model.sla.Expectation;

/**
 * What else happens when a partner's expectation is breached, in the breach's transaction (a chargeback its
 * agreement names). The monitor knows none of it; implementations live where their business is.
 */
public interface Breaches {

    void breached(Expectation expectation, SlaProfile profile);
}
