package io.seamline.mappings.edi.mapping;

import java.util.Map;

/** A partner's overrides, per transaction set id ({@code 855}, {@code ORDRSP}, …). */
public record MappingOverrides(Map<String, SetOverrides> sets) {

    public static final MappingOverrides NONE = new MappingOverrides(Map.of());

    public MappingOverrides {
        sets = Map.copyOf(sets);
    }

    public SetOverrides forSet(String setId) {
        return sets.getOrDefault(setId, SetOverrides.NONE);
    }
}
