package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.ShipmentStatusReported.Location;
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 214 Transportation Carrier Shipment Status → one {@code shipment.status} per AT7: B10 (PRO, shipment id, SCAC),
 * L11 references (BM bill of lading, PO), the status (AT701), its reason (AT702), date and time, MS1 location, MS2
 * container. A status code Seamline does not know is kept as {@code partnerStatusCode} with status OTHER. An AG
 * status in the same LX loop gives the estimated delivery.
 */
final class ShipmentStatus214 implements SetMapper {

    static final Map<String, TransportStatus> AT701 = Map.of(
            "AF", TransportStatus.PICKED_UP,
            "X6", TransportStatus.IN_TRANSIT,
            "SD", TransportStatus.DELAYED,
            "X1", TransportStatus.ARRIVED,
            "X3", TransportStatus.ARRIVED,
            "D1", TransportStatus.DELIVERED,
            "AG", TransportStatus.ETA_UPDATED);

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("214");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b10 = reads.required(tx.first("B10"), "B10", tx.segments().get(0));
        String pro = b10 == null ? null : b10.get(1);
        String shipmentId = b10 == null ? null : b10.get(2);
        String scac = b10 == null ? null : b10.get(3);
        if (b10 != null && pro == null && shipmentId == null) {
            reads.required(b10, 1);
        }
        String bol = null;
        var poNumbers = new ArrayList<String>();
        for (Segment l11 : tx.all("L11")) {
            if ("BM".equals(l11.get(2)) && bol == null) {
                bol = l11.get(1);
            } else if ("PO".equals(l11.get(2)) && l11.get(1) != null && !poNumbers.contains(l11.get(1))) {
                poNumbers.add(l11.get(1));
            }
        }
        List<List<Segment>> loops = tx.loops("LX", Set.of("SE"));
        if (loops.isEmpty()) {
            loops = List.of(tx.segments());
        }
        var events = new ArrayList<EventData>();
        for (List<Segment> loop : loops) {
            LocalDateTime eta = null;
            for (Segment at7 : loop) {
                if (at7.tag().equals("AT7") && "AG".equals(at7.get(1))) {
                    eta = reads.dateTime(at7, 5, 6);
                }
            }
            Location location = Transaction.first(loop, "MS1")
                    .map(ms1 -> new Location(ms1.get(1), ms1.get(2), ms1.get(3), null))
                    .orElse(null);
            String container = Transaction.first(loop, "MS2")
                    .filter(ms2 -> ms2.get(2) != null)
                    .map(ms2 -> (ms2.get(1) == null ? "" : ms2.get(1)) + ms2.get(2))
                    .orElse(null);
            for (Segment at7 : loop) {
                if (!at7.tag().equals("AT7")) {
                    continue;
                }
                String code = at7.get(1) != null ? at7.get(1) : at7.get(3);
                TransportStatus status =
                        reads.codeOr("AT701", at7.get(1), AT701, TransportStatus.class, TransportStatus.OTHER);
                LocalDateTime at = reads.dateTime(at7, 5, 6);
                events.add(new ShipmentStatusReported(
                        new ShipmentStatusReported.References(pro, bol, shipmentId, container, poNumbers),
                        scac,
                        status,
                        code,
                        at7.get(2) != null ? at7.get(2) : at7.get(4),
                        at,
                        status == TransportStatus.ETA_UPDATED ? at : eta,
                        location));
            }
        }
        if (events.isEmpty()) {
            reads.required(java.util.Optional.empty(), "AT7", b10);
        }
        return events;
    }
}
