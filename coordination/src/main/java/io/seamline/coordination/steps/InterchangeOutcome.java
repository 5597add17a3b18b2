package io.seamline.coordination.steps;

import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.Partner;

/**
 * One interchange of an EDI message as read: its sender (null when unknown), the engine's result and the profile it
 * was read with (what the acknowledgement needs), the message that brought it first when this one is a duplicate,
 * and why it produced no events when it did not.
 */
public record InterchangeOutcome(
        Partner partner, InterchangeResult result, EdiProfile profile, MessageId duplicateOf, String problem) {

    public String controlNumber() {
        return result.envelope() == null ? null : result.envelope().controlNumber();
    }

    public boolean duplicate() {
        return duplicateOf != null;
    }
}
