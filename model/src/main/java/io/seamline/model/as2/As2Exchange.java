package io.seamline.model.as2;

import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * One AS2 message and its receipt. Inbound: the payload we archived and the MDN we answered (a resend of the same
 * Message-ID gets that MDN again). Outbound: the MIC we expect back and the partner's MDN once it came.
 */
public record As2Exchange(
        PartnerId partnerId,
        Direction direction,
        String as2MessageId,
        MessageId messageId,
        String mic,
        MdnMode mdnMode,
        MessageId mdnMessageId,
        String disposition,
        Instant createdAt,
        Instant mdnAt) {

    /** How the receipt travels: in the HTTP response, later in a request of its own, or not at all. */
    public enum MdnMode {
        SYNC,
        ASYNC,
        NONE
    }

    public As2Exchange {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(as2MessageId, "as2MessageId");
        Objects.requireNonNull(mdnMode, "mdnMode");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
