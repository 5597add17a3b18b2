package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.mapping.SetMapper;
import java.util.List;

/** The X12 transaction sets Seamline maps. */
public final class X12Mappers {

    private X12Mappers() {}

    public static List<SetMapper> all() {
        return List.of();
    }
}
