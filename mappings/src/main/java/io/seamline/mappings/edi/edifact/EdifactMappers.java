package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.mapping.SetMapper;
import java.util.List;

/** The EDIFACT messages Seamline reads. */
public final class EdifactMappers {

    private EdifactMappers() {}

    public static List<SetMapper> all() {
        return List.of(
                new OrderResponse(),
                new DespatchAdvice(),
                new Invoice(),
                new StatusReport(),
                new BookingConfirmation(),
                new ApplicationError(),
                new SyntaxReport(),
                new CustomsResponse(),
                new OutboundMessageCheck());
    }
}
