package io.seamline.coordination.lifecycle;

import java.util.Optional;

/** The EDI standard a document type belongs to: X12 for set numbers (855), EDIFACT for message names (ORDRSP). */
final class Standards {

    private Standards() {}

    static Optional<String> of(String documentType) {
        if (documentType == null) {
            return Optional.empty();
        }
        if (documentType.matches("\\d{3}")) {
            return Optional.of("X12");
        }
        if (documentType.matches("[A-Z]{6}")) {
            return Optional.of("EDIFACT");
        }
        return Optional.empty();
    }
}
