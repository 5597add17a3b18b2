package io.seamline.model.outbound;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Our business answer to a partner's document (824, APERAK): which document ({@code referenceQualifier} and
 * {@code reference}, such as PO 4500012345 for an 855), whether we accept it, and why not.
 */
public record ApplicationAdvised(
        String adviceNumber,
        LocalDate date,
        Outcome outcome,
        String referenceQualifier,
        String reference,
        String answeredSetId,
        String answeredControlNumber,
        List<Error> errors)
        implements OutboundDocument {

    public ApplicationAdvised {
        Objects.requireNonNull(adviceNumber, "adviceNumber");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        errors = List.copyOf(errors == null ? List.of() : errors);
    }

    public enum Outcome {
        ACCEPTED,
        ACCEPTED_WITH_ERRORS,
        REJECTED
    }

    /** An application error: a code (X12 TED01 / EDIFACT ERC) and the words a person reads. */
    public record Error(String code, String message) {}

    @Override
    public String x12SetId() {
        return "824";
    }

    @Override
    public String edifactMessage() {
        return "APERAK";
    }
}
