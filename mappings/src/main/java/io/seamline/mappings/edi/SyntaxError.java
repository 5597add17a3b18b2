package io.seamline.mappings.edi;

/**
 * What can be wrong with an inbound interchange, at its level, with the codes the acknowledgements carry:
 * X12 (TA1 I18, AK9 716, AK5 718, AK3 719, AK4 723; IK3/IK4/IK5 in a 999) and EDIFACT CONTRL (0085).
 */
public enum SyntaxError {
    // interchange (TA1-05 / UCI)
    INTERCHANGE_CONTROL_MISMATCH(Level.INTERCHANGE, "001", "28", "ISA13/UNB 0020 and IEA02/UNZ 0020 differ"),
    STANDARD_NOT_SUPPORTED(Level.INTERCHANGE, "002", "2", "the interchange standard is not supported"),
    VERSION_NOT_SUPPORTED(Level.INTERCHANGE, "003", "2", "the interchange version is not supported"),
    INVALID_SEGMENT_TERMINATOR(Level.INTERCHANGE, "004", "20", "the segment terminator is not valid"),
    INVALID_SENDER_ID(Level.INTERCHANGE, "006", "13", "the interchange sender id is missing"),
    INVALID_RECEIVER_ID(Level.INTERCHANGE, "008", "13", "the interchange recipient id is missing"),
    INVALID_INTERCHANGE_DATE(Level.INTERCHANGE, "014", "12", "the interchange date is not valid"),
    INVALID_INTERCHANGE_TIME(Level.INTERCHANGE, "015", "12", "the interchange time is not valid"),
    INVALID_CONTROL_NUMBER(Level.INTERCHANGE, "018", "12", "the interchange control number is not valid"),
    INVALID_GROUP_COUNT(
            Level.INTERCHANGE, "021", "29", "IEA01/UNZ 0036 does not match the groups or messages received"),
    INVALID_CONTROL_STRUCTURE(Level.INTERCHANGE, "022", "18", "the envelope structure is not valid"),
    PREMATURE_END(Level.INTERCHANGE, "023", "13", "the interchange ended before its trailer"),
    INVALID_CONTENT(Level.INTERCHANGE, "024", "18", "the interchange content is not valid"),
    DUPLICATE_INTERCHANGE(Level.INTERCHANGE, "025", "26", "this interchange control number was received before"),
    // group (AK9)
    GROUP_NOT_SUPPORTED(Level.GROUP, "1", "14", "the functional group is not supported"),
    GROUP_VERSION_NOT_SUPPORTED(Level.GROUP, "2", "2", "the functional group version is not supported"),
    GROUP_TRAILER_MISSING(Level.GROUP, "3", "13", "the functional group trailer is missing"),
    GROUP_CONTROL_MISMATCH(Level.GROUP, "4", "28", "GS06/UNG 0048 and GE02/UNE 0048 differ"),
    GROUP_COUNT_MISMATCH(Level.GROUP, "5", "29", "GE01/UNE 0060 does not match the sets received"),
    // transaction set (AK5 / IK5 / UCM)
    SET_NOT_SUPPORTED(Level.TRANSACTION, "1", "14", "this transaction set is not supported"),
    SET_TRAILER_MISSING(Level.TRANSACTION, "2", "13", "the transaction set trailer is missing"),
    SET_CONTROL_MISMATCH(Level.TRANSACTION, "3", "28", "ST02/UNH 0062 and SE02/UNT 0062 differ"),
    SEGMENT_COUNT_MISMATCH(Level.TRANSACTION, "4", "29", "SE01/UNT 0074 does not match the segments received"),
    SEGMENTS_IN_ERROR(Level.TRANSACTION, "5", "18", "one or more segments are in error"),
    DUPLICATE_SET_CONTROL(Level.TRANSACTION, "23", "26", "the set control number (ST02/UNH 0062) is not unique"),
    // segment (AK3-04 / IK3-04 / UCS)
    UNRECOGNIZED_SEGMENT(Level.SEGMENT, "1", "22", "unrecognized segment id"),
    UNEXPECTED_SEGMENT(Level.SEGMENT, "2", "15", "unexpected segment"),
    MANDATORY_SEGMENT_MISSING(Level.SEGMENT, "3", "13", "mandatory segment missing"),
    LOOP_OVER_MAXIMUM(Level.SEGMENT, "4", "36", "loop occurs over maximum times"),
    SEGMENT_OVER_MAXIMUM(Level.SEGMENT, "5", "35", "segment exceeds maximum use"),
    SEGMENT_NOT_IN_SET(Level.SEGMENT, "6", "15", "segment not in defined transaction set"),
    SEGMENT_OUT_OF_SEQUENCE(Level.SEGMENT, "7", "15", "segment not in proper sequence"),
    SEGMENT_HAS_ELEMENT_ERRORS(Level.SEGMENT, "8", "18", "segment has data element errors"),
    // element (AK4-03 / IK4-03 / UCD)
    MANDATORY_ELEMENT_MISSING(Level.ELEMENT, "1", "13", "mandatory data element missing"),
    CONDITIONAL_ELEMENT_MISSING(Level.ELEMENT, "2", "13", "conditional required data element missing"),
    TOO_MANY_ELEMENTS(Level.ELEMENT, "3", "16", "too many data elements"),
    ELEMENT_TOO_SHORT(Level.ELEMENT, "4", "40", "data element too short"),
    ELEMENT_TOO_LONG(Level.ELEMENT, "5", "39", "data element too long"),
    INVALID_CHARACTER(Level.ELEMENT, "6", "21", "invalid character in data element"),
    INVALID_CODE_VALUE(Level.ELEMENT, "7", "12", "invalid code value"),
    INVALID_DATE(Level.ELEMENT, "8", "12", "invalid date"),
    INVALID_TIME(Level.ELEMENT, "9", "12", "invalid time"),
    EXCLUSION_VIOLATED(Level.ELEMENT, "10", "12", "exclusion condition violated"),
    TOO_MANY_REPETITIONS(Level.ELEMENT, "12", "35", "too many repetitions"),
    TOO_MANY_COMPONENTS(Level.ELEMENT, "13", "16", "too many components"),
    INVALID_NUMBER(Level.ELEMENT, "6", "37", "not a number");

    /** Where an error sits in an interchange; each level has its own code list. */
    public enum Level {
        INTERCHANGE,
        GROUP,
        TRANSACTION,
        SEGMENT,
        ELEMENT
    }

    private final Level level;
    private final String x12Code;
    private final String edifactCode;
    private final String description;

    SyntaxError(Level level, String x12Code, String edifactCode, String description) {
        this.level = level;
        this.x12Code = x12Code;
        this.edifactCode = edifactCode;
        this.description = description;
    }

    public Level level() {
        return level;
    }

    /** The code in the X12 acknowledgement (TA105, AK905, AK502, AK304, AK403 …). */
    public String x12Code() {
        return x12Code;
    }

    /** The CONTRL syntax error code (data element 0085). */
    public String edifactCode() {
        return edifactCode;
    }

    /** The description for either standard (it names both standards' elements where they differ). */
    public String description() {
        return description;
    }

    /** The description in the standard's own words: its segments and elements, "message" or "transaction set". */
    public String description(Standard standard) {
        boolean x12 = standard == Standard.X12;
        return switch (this) {
            case INTERCHANGE_CONTROL_MISMATCH -> x12 ? "ISA13 and IEA02 differ" : "UNB 0020 and UNZ 0020 differ";
            case INVALID_GROUP_COUNT -> x12
                    ? "IEA01 does not match the groups received"
                    : "UNZ 0036 does not match the groups or messages received";
            case GROUP_CONTROL_MISMATCH -> x12 ? "GS06 and GE02 differ" : "UNG 0048 and UNE 0048 differ";
            case GROUP_COUNT_MISMATCH -> x12
                    ? "GE01 does not match the transaction sets received"
                    : "UNE 0060 does not match the messages received";
            case GROUP_TRAILER_MISSING -> "the functional group trailer (" + (x12 ? "GE" : "UNE") + ") is missing";
            case SET_NOT_SUPPORTED -> x12
                    ? "this transaction set is not supported"
                    : "this message type is not supported";
            case SET_TRAILER_MISSING -> x12
                    ? "the transaction set trailer (SE) is missing"
                    : "the message trailer (UNT) is missing";
            case SET_CONTROL_MISMATCH -> x12 ? "ST02 and SE02 differ" : "UNH 0062 and UNT 0062 differ";
            case SEGMENT_COUNT_MISMATCH -> x12
                    ? "SE01 does not match the segments received"
                    : "UNT 0074 does not match the segments received";
            case DUPLICATE_SET_CONTROL -> x12
                    ? "the set control number (ST02) is not unique"
                    : "the message reference number (UNH 0062) is not unique";
            case SEGMENT_NOT_IN_SET -> x12
                    ? "segment not in defined transaction set"
                    : "segment not in the message's definition";
            default -> description;
        };
    }
}
