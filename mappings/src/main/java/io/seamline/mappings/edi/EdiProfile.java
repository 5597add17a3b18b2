package io.seamline.mappings.edi;

import io.seamline.mappings.edi.mapping.MappingOverrides;

/**
 * How to read and answer one partner's interchanges: which functional acknowledgement it wants (997 or 999 for
 * X12; EDIFACT partners get CONTRL), whether sets Seamline does not map are acknowledged as accepted, and its
 * mapping overrides.
 */
public record EdiProfile(AckFormat ackFormat, boolean acceptUnsupportedSets, MappingOverrides overrides) {

    /** For an interchange whose sender is not known: 997, unsupported sets rejected, the standard mappings. */
    public static final EdiProfile DEFAULT = new EdiProfile(AckFormat.X997, false, MappingOverrides.NONE);

    public EdiProfile {
        ackFormat = ackFormat == null ? AckFormat.X997 : ackFormat;
        overrides = overrides == null ? MappingOverrides.NONE : overrides;
    }
}
