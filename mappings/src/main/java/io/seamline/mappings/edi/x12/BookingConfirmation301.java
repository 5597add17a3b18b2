package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.event.BookingConfirmed.Decision;
import io.seamline.model.event.EventData;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 301 Confirmation (Ocean) → {@code booking.confirmed}: B1 (SCAC, booking number, the action: A confirmed, C changed,
 * D or R declined), N9 references (SI our shipment, BN booking, PO), Q2 or V1 (vessel and voyage), the R4 ports of
 * loading (L) and discharge (D) as UN/LOCODEs with their DTM 139 (estimated) or 140 (actual) as ETD and ETA (the
 * place of delivery's, R4 E, wins for the ETA), Y3's departure date when no port gives one, and the containers of
 * the N7s.
 */
final class BookingConfirmation301 implements SetMapper {

    static final Map<String, Decision> B104 = Map.of(
            "A", Decision.CONFIRMED,
            "C", Decision.CHANGED,
            "D", Decision.DECLINED,
            "R", Decision.DECLINED);

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("301");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b1 = reads.required(tx.first("B1"), "B1", tx.segments().get(0));
        if (b1 == null) {
            return List.of();
        }
        String booking = reads.required(b1, 2);
        Decision decision = reads.code(b1, 4, "B104", B104, Decision.class);
        reads.required(b1, 4);
        String shipmentId = null;
        var poNumbers = new ArrayList<String>();
        for (Segment n9 : tx.all("N9")) {
            if ("SI".equals(n9.get(1)) && shipmentId == null) {
                shipmentId = n9.get(2);
            } else if ("BN".equals(n9.get(1)) && booking == null) {
                booking = n9.get(2);
            } else if ("PO".equals(n9.get(1)) && n9.get(2) != null && !poNumbers.contains(n9.get(2))) {
                poNumbers.add(n9.get(2));
            }
        }
        String vessel = null;
        String voyage = null;
        Optional<Segment> v1 = tx.first("V1");
        Optional<Segment> q2 = tx.first("Q2");
        if (v1.isPresent()) {
            vessel = v1.get().get(2) != null ? v1.get().get(2) : v1.get().get(1);
            voyage = v1.get().get(4);
        } else if (q2.isPresent()) {
            vessel = q2.get().get(13) != null ? q2.get().get(13) : q2.get().get(1);
            voyage = q2.get().get(9);
        }
        List<List<Segment>> ports = tx.loops("R4", Set.of("SE", "N7", "W09", "K1", "V9"));
        LocalDateTime etd = portDate(reads, ports, "L");
        if (etd == null) {
            etd = tx.first("Y3").map(y3 -> reads.dateTime(y3, 3, 5)).orElse(null);
        }
        LocalDateTime eta = portDate(reads, ports, "E");
        if (eta == null) {
            eta = portDate(reads, ports, "D");
        }
        var containers = new ArrayList<String>();
        for (Segment n7 : tx.all("N7")) {
            if (n7.get(2) != null) {
                containers.add(
                        ((n7.get(1) == null ? "" : n7.get(1).trim()) + n7.get(2).trim())
                                .replaceAll("[^A-Za-z0-9]", ""));
            }
        }
        return List.of(new BookingConfirmed(
                booking,
                shipmentId,
                decision,
                vessel,
                voyage,
                port(ports, "L"),
                port(ports, "D"),
                etd,
                eta,
                containers,
                poNumbers,
                b1.get(1)));
    }

    private static String port(List<List<Segment>> ports, String function) {
        return ports.stream()
                .map(p -> p.get(0))
                .filter(r4 -> function.equals(r4.get(1)) && "UN".equals(r4.get(2)))
                .map(r4 -> r4.get(3))
                .findFirst()
                .orElse(null);
    }

    private static LocalDateTime portDate(Reads reads, List<List<Segment>> ports, String function) {
        for (List<Segment> port : ports) {
            if (!function.equals(port.get(0).get(1))) {
                continue;
            }
            Optional<Segment> dtm =
                    Transaction.first(port, "DTM", d -> "139".equals(d.get(1)) || "140".equals(d.get(1)));
            if (dtm.isPresent()) {
                return reads.dateTime(dtm.get(), 2, 3);
            }
        }
        return null;
    }
}
