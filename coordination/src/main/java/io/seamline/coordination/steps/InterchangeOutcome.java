package io.seamline.coordination.steps;

import io.seamline.adapters.persistence.InboundInterchanges;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.Partner;

/**
 * One interchange of an EDI message as read: its sender (null when unknown), the engine's result and the profile it
 * was read with (what the acknowledgement needs), the message that brought it first when this one is a duplicate,
 * why it produced no events when it did not, and whether it is a test (its envelope says so, or its message was
 * marked as one).
 */
public record InterchangeOutcome(
        Partner partner,
        InterchangeResult result,
        EdiProfile profile,
        MessageId duplicateOf,
        String problem,
        boolean test) {

    public String controlNumber() {
        return result.envelope() == null ? null : result.envelope().controlNumber();
    }

    /** What the interchange is registered as: its control number, a test interchange's apart from production's. */
    public String registered() {
        return controlNumber() == null ? null : InboundInterchanges.key(controlNumber(), test);
    }

    public boolean duplicate() {
        return duplicateOf != null;
    }
}
