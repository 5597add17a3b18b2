package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.mapping.SetMapper;
import java.util.List;

/** The X12 transaction sets Seamline reads. */
public final class X12Mappers {

    private X12Mappers() {}

    public static List<SetMapper> all() {
        return List.of(
                new PoAcknowledgment855(),
                new PoChangeAcknowledgment865(),
                new ShipNotice856(),
                new Invoice810(),
                new FreightInvoice(),
                new TenderResponse990(),
                new ShipmentStatus214(),
                new OceanStatus315(),
                new BookingConfirmation301(),
                new FunctionalAck997(),
                new ApplicationAdvice824(),
                new OutboundSetCheck());
    }
}
