package io.seamline.mappings.edi.edifact;

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
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IFTSTA → one {@code shipment.status} per STS. Status codes (4405) vary by carrier and code list agency, so a
 * code is looked up in the partner's overrides ({@code STS02:<code>}) and otherwise classified by its description
 * (departed, arrived, delivered, delayed …); what neither explains is OTHER, with the partner's code kept.
 * DTM 334 is the event time, DTM 132 (at the place of delivery, LOC 7/8, when given) the estimated arrival, LOC 175
 * the place, RFF BM/BN/CN/ON/CU and EQD the references, TDT the voyage (8028) and vessel (C222). The ocean milestone
 * comes from the partner's overrides ({@code STS02.milestone:<code>}) or the description, as the 315's does.
 */
final class StatusReport implements SetMapper {

    /** No status code list is shared widely enough to default to; carriers' codes come from their overrides. */
    static final Map<String, TransportStatus> DEFAULT_CODES = Map.of();

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("IFTSTA");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        List<Segment> all = tx.segments();
        List<Segment> header = tx.before("CNI");
        reads.required(Transaction.first(header, "BGM"), "BGM", all.get(0));
        List<List<Segment>> consignments = tx.loops("CNI", Set.of("UNT"));
        if (consignments.isEmpty()) {
            consignments = List.of(all);
        }
        var events = new ArrayList<EventData>();
        for (List<Segment> consignment : consignments) {
            var scope = new ArrayList<Segment>(consignment);
            scope.addAll(header);
            var references = new ShipmentStatusReported.References(
                    Qualified.reference(scope, "CN"),
                    Qualified.reference(scope, "BM"),
                    Qualified.reference(scope, "CU", "SRN", "AAS"),
                    Transaction.first(scope, "EQD", e -> "CN".equals(e.get(1)))
                            .map(e -> e.get(2, 1))
                            .orElse(Qualified.reference(scope, "EQ")),
                    scope.stream()
                            .filter(s -> s.tag().equals("RFF") && "ON".equals(s.get(1, 1)) && s.get(1, 2) != null)
                            .map(s -> s.get(1, 2))
                            .distinct()
                            .toList(),
                    Qualified.reference(scope, "BN"));
            String scac = Transaction.first(scope, "TDT").map(t -> t.get(5, 1)).orElse(null);
            Segment vessel = Transaction.first(scope, "TDT", t -> t.get(8, 4) != null || t.get(8, 1) != null)
                    .orElse(null);
            String voyage = Transaction.first(scope, "TDT", t -> t.get(2) != null)
                    .map(t -> t.get(2))
                    .orElse(null);
            LocalDateTime eta = estimatedArrival(reads, consignment);
            for (List<Segment> status : Transaction.loops(consignment, "STS", Set.of("CNI"))) {
                Segment sts = status.get(0);
                String code = sts.get(2, 1);
                String description = sts.get(2, 4);
                TransportStatus mapped = reads.codeOr("STS02", code, DEFAULT_CODES, TransportStatus.class, null);
                Milestone milestone = reads.codeOr("STS02.milestone", code, Map.of(), Milestone.class, null);
                if (milestone == null) {
                    milestone = StatusDescriptions.milestone(description);
                }
                if (mapped == null) {
                    mapped = StatusDescriptions.classify(description);
                }
                if (mapped == TransportStatus.OTHER && milestone != null) {
                    mapped = milestone.status();
                }
                Segment place =
                        Qualified.first(status, "LOC", "175", "5", "8", "7").orElse(null);
                events.add(new ShipmentStatusReported(
                        references,
                        scac,
                        mapped,
                        code,
                        sts.get(3, 1),
                        Qualified.dateTime(reads, status, "334", "178", "133"),
                        mapped == TransportStatus.ETA_UPDATED ? Qualified.dateTime(reads, status, "132") : eta,
                        place == null ? null : location(place),
                        milestone,
                        vessel == null ? null : (vessel.get(8, 4) != null ? vessel.get(8, 4) : vessel.get(8, 1)),
                        voyage));
            }
        }
        if (events.isEmpty()) {
            reads.required(java.util.Optional.empty(), "STS", all.get(0));
        }
        return events;
    }

    private static LocalDateTime estimatedArrival(Reads reads, List<Segment> consignment) {
        LocalDateTime eta = null;
        boolean atDelivery = false;
        for (Segment s : consignment) {
            if (s.tag().equals("LOC")) {
                atDelivery = "7".equals(s.get(1)) || "8".equals(s.get(1));
            } else if (s.tag().equals("DTM") && "132".equals(s.get(1, 1)) && (eta == null || atDelivery)) {
                eta = reads.edifactDateTime(s);
            }
        }
        return eta;
    }

    private static Location location(Segment loc) {
        String code = loc.get(2, 1);
        String name = loc.get(2, 4);
        String city = name == null ? null : name.split(",")[0].trim();
        String country = code != null && code.length() == 5 ? code.substring(0, 2) : loc.get(3, 1);
        return new Location(city, null, country, code);
    }
}
