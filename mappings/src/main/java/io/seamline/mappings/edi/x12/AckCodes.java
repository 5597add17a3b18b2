package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.SyntaxError;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.model.event.FunctionalAckReceived.Status;
import java.util.Map;
import java.util.Set;

/** Code lists shared by the 997 and 999 readers. */
final class AckCodes {

    /** AK501/IK501 and AK901: A, E, P accepted in some way; M, R, W, X rejected. */
    static final Map<String, Status> STATUS = Map.of(
            "A", Status.ACCEPTED,
            "E", Status.ACCEPTED_WITH_ERRORS,
            "P", Status.PARTIALLY_ACCEPTED,
            "R", Status.REJECTED,
            "M", Status.REJECTED,
            "W", Status.REJECTED,
            "X", Status.REJECTED);

    static final Set<String> SEGMENT_ERRORS =
            Set.of("1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9");

    private AckCodes() {}

    /** AK101 is a two-letter functional identifier (PO, PR, IN, SH …). */
    static void checkFunctionalId(Reads reads, Segment ak1) {
        String id = ak1 == null ? null : ak1.get(1);
        if (id != null && !id.matches("[A-Z]{2}")) {
            reads.element(SyntaxError.INVALID_CODE_VALUE, ak1, 1, 1, id, "AK101 is not a functional identifier code");
        }
    }

    /** Numeric elements (N0): group control number, segment position, counts. */
    static void checkNumber(Reads reads, Segment segment, int element) {
        String value = segment == null ? null : segment.get(element);
        if (value != null && !value.trim().matches("\\d{1,9}")) {
            reads.element(SyntaxError.INVALID_NUMBER, segment, element, 1, value, "must be numeric");
        }
    }
}
