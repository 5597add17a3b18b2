package io.seamline.coordination.effects;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Proposes a deduction for a person to decide (the deductions module does it); effects and the modules that find a
 * reason to deduct call it through this port.
 */
public interface Deducting {

    /** What a deduction is for, and the evidence a partner will be shown; proposed once per {@code step}. */
    record Cause(
            PartnerId partner,
            Subject subject,
            String reasonCode,
            String reason,
            BigDecimal amount,
            String currency,
            Map<String, Object> evidence,
            MessageId message,
            String step) {}

    void propose(Cause cause);
}
