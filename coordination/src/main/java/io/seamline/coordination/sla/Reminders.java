package io.seamline.coordination.sla;

import io.seamline.coordination.steps.Response;

/**
 * Where a breach's reminder to the partner goes: through the partner's own channel (a webhook, a mail, the portal).
 * The SLA ledger says what is owed; the answering side says how a partner is told.
 */
public interface Reminders {

    void remind(Response reminder);
}
