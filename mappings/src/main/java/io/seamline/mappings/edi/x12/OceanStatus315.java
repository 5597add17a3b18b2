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
import io.seamline.model.event.ShipmentStatusReported.Milestone;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 315 Status Details (Ocean), 004010 and 005010 → one {@code shipment.status} with its {@code milestone}: B4 (status
 * code B4-03, date and time, the container B4-07/08 with its check digit B4-13, where it happened B4-11/12 or B4-06),
 * N9 references (BM bill of lading, BN booking, PO, SI our shipment, EQ the container), Q2 or V1 (vessel and voyage),
 * and the R4 ports with their DTMs: the place of the event (R4 5), and the estimated arrival at the place of delivery
 * (R4 E) or discharge (R4 D). A status code Seamline does not know is kept as {@code partnerStatusCode} with milestone
 * OTHER; a carrier's own codes come from its overrides ({@code B403:<code>}).
 */
final class OceanStatus315 implements SetMapper {

    /** Shipment status codes (X12 element 157) that carriers and INTTRA send for ocean and intermodal moves. */
    static final Map<String, Milestone> B403 = Map.ofEntries(
            Map.entry("AE", Milestone.LOADED),
            Map.entry("AL", Milestone.LOADED),
            Map.entry("AM", Milestone.LOADED),
            Map.entry("VD", Milestone.DEPARTED),
            Map.entry("RL", Milestone.DEPARTED),
            Map.entry("VA", Milestone.ARRIVED),
            Map.entry("AR", Milestone.ARRIVED),
            Map.entry("UV", Milestone.DISCHARGED),
            Map.entry("UR", Milestone.DISCHARGED),
            Map.entry("I", Milestone.GATE_IN),
            Map.entry("OA", Milestone.GATE_OUT),
            Map.entry("CT", Milestone.CUSTOMS_RELEASED),
            Map.entry("AV", Milestone.AVAILABLE),
            Map.entry("D", Milestone.DELIVERED),
            Map.entry("RD", Milestone.EMPTY_RETURNED));

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("315");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b4 = reads.required(tx.first("B4"), "B4", tx.segments().get(0));
        if (b4 == null) {
            return List.of();
        }
        String code = reads.required(b4, 3);
        Milestone milestone = reads.codeOr("B403", code, B403, Milestone.class, Milestone.OTHER);
        String bol = null;
        String booking = null;
        String shipmentId = b4.get(2);
        String equipment = null;
        var poNumbers = new ArrayList<String>();
        for (Segment n9 : tx.all("N9")) {
            String value = n9.get(2);
            if (value == null) {
                continue;
            }
            switch (n9.get(1) == null ? "" : n9.get(1)) {
                case "BM" -> bol = bol == null ? value : bol;
                case "BN" -> booking = booking == null ? value : booking;
                case "SI" -> shipmentId = shipmentId == null ? value : shipmentId;
                case "EQ" -> equipment = equipment == null ? value : equipment;
                case "PO" -> {
                    if (!poNumbers.contains(value)) {
                        poNumbers.add(value);
                    }
                }
                default -> {}
            }
        }
        String container = container(b4);
        if (container == null && equipment != null) {
            container = equipment.replaceAll("[^A-Za-z0-9]", "");
        }
        var references = new ShipmentStatusReported.References(null, bol, shipmentId, container, poNumbers, booking);
        String vessel = null;
        String voyage = null;
        Optional<Segment> q2 = tx.first("Q2");
        Optional<Segment> v1 = tx.first("V1");
        if (q2.isPresent()) {
            vessel = q2.get().get(13) != null ? q2.get().get(13) : q2.get().get(1);
            voyage = q2.get().get(9);
        }
        if (v1.isPresent()) {
            vessel = vessel != null
                    ? vessel
                    : (v1.get().get(2) != null ? v1.get().get(2) : v1.get().get(1));
            voyage = voyage != null ? voyage : v1.get().get(4);
        }
        List<List<Segment>> ports = tx.loops("R4", Set.of("SE", "V9"));
        Location location = eventLocation(b4, ports, milestone);
        LocalDateTime eta = estimatedArrival(reads, ports);
        String scac = tx.first("N9", n9 -> "SCA".equals(n9.get(1)))
                .map(n9 -> n9.get(2))
                .orElse(null);
        return List.of(new ShipmentStatusReported(
                references,
                scac,
                milestone.status(),
                code,
                null,
                reads.dateTime(b4, 4, 5),
                eta,
                location,
                milestone,
                vessel,
                voyage));
    }

    /**
     * The container (ISO 6346: owner code, serial, check digit): B4-07 and B4-08, with the check digit from B4-13,
     * or computed when only the six serial digits came, so every carrier's way of writing it names one container.
     */
    static String container(Segment b4) {
        String number = b4.get(8);
        if (number == null) {
            return null;
        }
        String owner = b4.get(7) == null ? "" : b4.get(7).trim();
        String serial = number.replaceAll("[^A-Za-z0-9]", "");
        if (serial.length() == 6 && owner.matches("[A-Z]{4}")) {
            String check = b4.get(13);
            serial += check != null && check.matches("[0-9]") ? check : String.valueOf(checkDigit(owner + serial));
        }
        return owner + serial;
    }

    /** ISO 6346's check digit of an owner code and serial number ({@code MSKU482019} → 3). */
    static int checkDigit(String ownerAndSerial) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = ownerAndSerial.charAt(i);
            int value;
            if (Character.isDigit(c)) {
                value = c - '0';
            } else {
                // A=10, skipping multiples of 11 (11, 22, 33)
                value = 10 + (c - 'A');
                value += (value - 1) / 10;
            }
            sum += value << i;
        }
        return sum % 11 % 10;
    }

    /**
     * Where the status happened: the R4 activity location (5), else B4-11 as a UN/LOCODE (B4-12 UN) or B4-06, else
     * the port the milestone implies (loading for loaded and departed, discharge for arrived and discharged, the
     * place of delivery for delivered).
     */
    private static Location eventLocation(Segment b4, List<List<Segment>> ports, Milestone milestone) {
        Optional<Segment> activity = port(ports, "5");
        if (activity.isPresent()) {
            return location(activity.get());
        }
        String code = b4.get(11) != null && "UN".equals(b4.get(12)) ? b4.get(11).trim() : null;
        if (code == null && b4.get(6) != null && b4.get(6).trim().matches("[A-Z]{2}[A-Z2-9]{3}")) {
            code = b4.get(6).trim();
        }
        if (code != null) {
            String named = code;
            return ports.stream()
                    .map(p -> p.get(0))
                    .filter(r4 -> "UN".equals(r4.get(2)) && named.equals(r4.get(3)))
                    .findFirst()
                    .map(OceanStatus315::location)
                    .orElse(unlocode(code, null));
        }
        String function =
                switch (milestone) {
                    case LOADED, DEPARTED -> "L";
                    case ARRIVED, DISCHARGED -> "D";
                    case DELIVERED -> "E";
                    default -> null;
                };
        return function == null
                ? null
                : port(ports, function).map(OceanStatus315::location).orElse(null);
    }

    /** DTM 139 (estimated) at the place of delivery (R4 E), else at the port of discharge (R4 D). */
    private static LocalDateTime estimatedArrival(Reads reads, List<List<Segment>> ports) {
        for (String function : List.of("E", "D")) {
            for (List<Segment> port : ports) {
                if (!function.equals(port.get(0).get(1))) {
                    continue;
                }
                Optional<Segment> dtm = Transaction.first(port, "DTM", d -> "139".equals(d.get(1)));
                if (dtm.isPresent()) {
                    return reads.dateTime(dtm.get(), 2, 3);
                }
            }
        }
        return null;
    }

    private static Optional<Segment> port(List<List<Segment>> ports, String function) {
        return ports.stream()
                .map(p -> p.get(0))
                .filter(r4 -> function.equals(r4.get(1)))
                .findFirst();
    }

    /** R4: qualifier (UN for a UN/LOCODE), identifier, port name ("SEATTLE, WA"), country. */
    private static Location location(Segment r4) {
        String name = r4.get(4);
        String city = name == null ? null : name.split(",")[0].trim();
        if ("UN".equals(r4.get(2)) && r4.get(3) != null) {
            Location coded = unlocode(r4.get(3).trim(), city);
            return new Location(coded.city(), null, r4.get(5) != null ? r4.get(5) : coded.country(), coded.unlocode());
        }
        return new Location(city != null ? city : r4.get(3), null, r4.get(5), null);
    }

    private static Location unlocode(String code, String city) {
        String country = code.length() == 5 ? code.substring(0, 2) : null;
        return new Location(city, null, country, code.length() == 5 ? code : null);
    }
}
