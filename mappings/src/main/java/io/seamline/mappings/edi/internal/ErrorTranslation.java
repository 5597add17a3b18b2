package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.SyntaxError;
import io.xlate.edi.stream.EDIStreamValidationError;
import java.util.Set;

/**
 * StAEDI reports validation errors by kind and place; acknowledgements report them by level. A count or reference
 * mismatch in SE/UNT belongs to the set, in GE/UNE to the group, in IEA/UNZ to the interchange; element errors in
 * envelope headers are warnings (what we do not understand there, we do not need).
 */
final class ErrorTranslation {

    private static final Set<String> SET_TRAILERS = Set.of("SE", "UNT");
    private static final Set<String> GROUP_TRAILERS = Set.of("GE", "UNE");
    private static final Set<String> INTERCHANGE_TRAILERS = Set.of("IEA", "UNZ");
    private static final Set<String> HEADERS = Set.of("ISA", "UNB", "GS", "UNG", "ST", "UNH", "UNA");

    /** The EDIFACT trailers' counts and references by their data element numbers. */
    private static final java.util.Map<String, String> TRAILER_ELEMENTS = java.util.Map.of(
            "UNT1", "0074", "UNT2", "0062", "UNE1", "0060", "UNE2", "0048", "UNZ1", "0036", "UNZ2", "0020");

    private ErrorTranslation() {}

    static Defect translate(
            Standard standard,
            EDIStreamValidationError type,
            String tag,
            int element,
            int component,
            String reference,
            String value,
            int setPosition) {
        if (type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT
                || type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            boolean count = type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
            SyntaxError error;
            if (SET_TRAILERS.contains(tag)) {
                error = count ? SyntaxError.SEGMENT_COUNT_MISMATCH : SyntaxError.SET_CONTROL_MISMATCH;
            } else if (GROUP_TRAILERS.contains(tag)) {
                error = count ? SyntaxError.GROUP_COUNT_MISMATCH : SyntaxError.GROUP_CONTROL_MISMATCH;
            } else {
                error = count ? SyntaxError.INVALID_GROUP_COUNT : SyntaxError.INTERCHANGE_CONTROL_MISMATCH;
            }
            return new Defect(
                    error,
                    tag,
                    setPosition,
                    null,
                    element,
                    component,
                    reference,
                    value,
                    error.description(standard)
                            + (value == null
                                    ? ""
                                    : " (" + name(standard, tag, element, reference) + " = " + value + ")"),
                    false);
        }
        SyntaxError error = "ISA".equals(tag) ? interchangeElementError(element, type) : elementOrSegmentError(type);
        Defect defect = new Defect(
                error,
                tag,
                setPosition,
                null,
                element,
                component,
                reference,
                value,
                error.description(standard),
                false);
        if (INTERCHANGE_TRAILERS.contains(tag) || HEADERS.contains(tag)) {
            return defect.asWarning();
        }
        return defect;
    }

    /** An element as its standard names it: {@code SE01}, {@code UNT 0074} (or {@code UNT element 1}). */
    private static String name(Standard standard, String tag, int element, String reference) {
        if (standard == Standard.X12) {
            return tag + String.format("%02d", element);
        }
        String number = TRAILER_ELEMENTS.get(tag + element);
        if (number != null) {
            return tag + " " + number;
        }
        return reference != null && reference.matches("\\d{4}") ? tag + " " + reference : tag + " element " + element;
    }

    /**
     * An ISA element that is not what the standard says: its date (ISA09), time (ISA10) or control number (ISA13) have
     * TA1 codes of their own (014, 015, 018); the rest are element errors like any other.
     */
    private static SyntaxError interchangeElementError(int element, EDIStreamValidationError type) {
        return switch (element) {
            case 9 -> SyntaxError.INVALID_INTERCHANGE_DATE;
            case 10 -> SyntaxError.INVALID_INTERCHANGE_TIME;
            case 13 -> SyntaxError.INVALID_CONTROL_NUMBER;
            default -> elementOrSegmentError(type);
        };
    }

    private static SyntaxError elementOrSegmentError(EDIStreamValidationError type) {
        return switch (type) {
            case UNRECOGNIZED_SEGMENT_ID -> SyntaxError.UNRECOGNIZED_SEGMENT;
            case UNEXPECTED_SEGMENT -> SyntaxError.UNEXPECTED_SEGMENT;
            case MANDATORY_SEGMENT_MISSING,
                    IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                    CONDITIONAL_REQUIRED_SEGMENT_MISSING -> SyntaxError.MANDATORY_SEGMENT_MISSING;
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> SyntaxError.LOOP_OVER_MAXIMUM;
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> SyntaxError.SEGMENT_OVER_MAXIMUM;
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
                    IMPLEMENTATION_UNUSED_SEGMENT_PRESENT,
                    IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT -> SyntaxError.SEGMENT_NOT_IN_SET;
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> SyntaxError.SEGMENT_OUT_OF_SEQUENCE;
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> SyntaxError.SEGMENT_HAS_ELEMENT_ERRORS;
            case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> SyntaxError
                    .MANDATORY_ELEMENT_MISSING;
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> SyntaxError.CONDITIONAL_ELEMENT_MISSING;
            case TOO_MANY_DATA_ELEMENTS, IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> SyntaxError.TOO_MANY_ELEMENTS;
            case EXCLUSION_CONDITION_VIOLATED -> SyntaxError.EXCLUSION_VIOLATED;
            case TOO_MANY_REPETITIONS -> SyntaxError.TOO_MANY_REPETITIONS;
            case TOO_MANY_COMPONENTS -> SyntaxError.TOO_MANY_COMPONENTS;
            case DATA_ELEMENT_TOO_SHORT -> SyntaxError.ELEMENT_TOO_SHORT;
            case DATA_ELEMENT_TOO_LONG -> SyntaxError.ELEMENT_TOO_LONG;
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> SyntaxError.INVALID_CODE_VALUE;
            case INVALID_DATE -> SyntaxError.INVALID_DATE;
            case INVALID_TIME -> SyntaxError.INVALID_TIME;
            default -> SyntaxError.INVALID_CHARACTER;
        };
    }
}
