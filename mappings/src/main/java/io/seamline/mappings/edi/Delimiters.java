package io.seamline.mappings.edi;

/**
 * The separators an interchange declares (ISA positions 4, 83/ISA11, 105, 106; UNA or the EDIFACT defaults).
 * {@code segment} is a string because real partners use multi-byte characters (an ellipsis) and newlines as
 * terminators; {@code release} and {@code repetition} are 0 when the interchange has none.
 */
public record Delimiters(String segment, char element, char component, char repetition, char release, char decimal) {

    public static final Delimiters EDIFACT_DEFAULT = new Delimiters("'", '+', ':', '*', '?', '.');

    /** True when segments end at a line break, so line breaks are not formatting to strip. */
    public boolean newlineTerminated() {
        return segment.equals("\n") || segment.equals("\r") || segment.equals("\r\n");
    }
}
