package io.seamline.mappings.edi.ack;

import io.seamline.mappings.edi.AckFormat;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.outbound.ControlNumberSource;
import io.seamline.mappings.edi.outbound.OutboundEdi;
import java.time.LocalDateTime;
import java.util.Optional;

/** Chooses and writes the acknowledgement an inbound interchange is owed, if any. */
public final class Acknowledgements {

    private Acknowledgements() {}

    /**
     * The acknowledgement for {@code interchange}: X12 gets one interchange holding a TA1 (when requested or when the
     * envelope is broken) and a 997 or 999 per functional group (none for groups of acknowledgements); EDIFACT gets
     * a CONTRL (none when the interchange holds only CONTRL messages). Empty when nothing is owed.
     */
    public static Optional<OutboundEdi> forInterchange(
            InterchangeResult interchange, EdiProfile profile, ControlNumberSource numbers, LocalDateTime now) {
        if (interchange.envelope() == null || unaddressed(interchange.envelope())) {
            // no one to answer: an interchange that does not say who sent it or whom it is for is refused at the
            // envelope, and an acknowledgement with blank party ids would itself be invalid
            return Optional.empty();
        }
        if (interchange.envelope().standard() == Standard.X12) {
            return X12Acks.write(interchange, profile, numbers, now);
        }
        return Contrl.write(interchange, profile, numbers, now);
    }

    static boolean unaddressed(io.seamline.mappings.edi.Envelope envelope) {
        return envelope.senderId() == null
                || envelope.senderId().isBlank()
                || envelope.receiverId() == null
                || envelope.receiverId().isBlank();
    }

    /** True for the sets that are themselves acknowledgements, which are never acknowledged. */
    static boolean isAcknowledgement(String setId) {
        return "997".equals(setId) || "999".equals(setId) || "CONTRL".equals(setId);
    }

    static boolean wantsFunctionalAck(EdiProfile profile) {
        return profile.ackFormat() != AckFormat.NONE;
    }
}
