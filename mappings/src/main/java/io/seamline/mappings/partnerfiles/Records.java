package io.seamline.mappings.partnerfiles;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.edi.edifact.StatusDescriptions;
import io.seamline.model.Magnitude;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.EventData;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Records with canonical field names → canonical events; every unreadable value is a located problem. */
final class Records {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy"));

    private Records() {}

    static List<EventData> toEvents(Target target, List<Map<String, Object>> records, List<FieldProblem> problems) {
        return switch (target) {
            case COMMITMENTS -> commitments(records, problems);
            case SHIPMENT_STATUS -> statuses(records, problems);
            case CUSTOMS_STATUS -> customs(records, problems);
            case SHIP_NOTICES -> notices(records, problems);
        };
    }

    private static List<EventData> commitments(List<Map<String, Object>> records, List<FieldProblem> problems) {
        var byPo = new LinkedHashMap<String, List<CommitmentUpdated.Line>>();
        var notes = new LinkedHashMap<String, String>();
        for (int i = 0; i < records.size(); i++) {
            var r = new Record(records.get(i), i + 1, problems);
            String po = r.required("poNumber");
            var line = new CommitmentUpdated.Line(
                    r.required("lineNumber"),
                    r.quantity("quantity"),
                    r.date("promisedDate"),
                    r.text("reasonCode"),
                    r.text("itemId"),
                    r.text("partnerItemId"));
            if (line.quantity() == null && line.promisedDate() == null) {
                problems.add(new FieldProblem(r.where("quantity"), "a commitment needs a quantity or a promised date"));
            }
            if (po != null) {
                byPo.computeIfAbsent(po, k -> new ArrayList<>()).add(line);
                if (r.text("note") != null) {
                    notes.putIfAbsent(po, r.text("note"));
                }
            }
        }
        var events = new ArrayList<EventData>();
        byPo.forEach((po, lines) -> events.add(new CommitmentUpdated(po, lines, notes.get(po))));
        return events;
    }

    private static List<EventData> statuses(List<Map<String, Object>> records, List<FieldProblem> problems) {
        var events = new ArrayList<EventData>();
        for (int i = 0; i < records.size(); i++) {
            var r = new Record(records.get(i), i + 1, problems);
            String shipment = r.text("shipmentId");
            String pro = r.text("pro");
            String bol = r.text("bol");
            String container = r.text("container");
            if (shipment == null && pro == null && bol == null && container == null) {
                problems.add(new FieldProblem(
                        r.where("shipmentId"), "a status needs a shipment id, PRO, bill of lading or container"));
            }
            String status = r.text("status");
            TransportStatus mapped = status == null ? TransportStatus.OTHER : transportStatus(status);
            String po = r.text("poNumber");
            events.add(new ShipmentStatusReported(
                    new ShipmentStatusReported.References(
                            pro, bol, shipment, container, po == null ? List.of() : List.of(po)),
                    r.text("scac"),
                    mapped,
                    r.text("statusCode") != null ? r.text("statusCode") : status,
                    r.text("reasonCode"),
                    r.dateTime("eventTime"),
                    r.dateTime("estimatedDelivery"),
                    r.text("city") == null && r.text("unlocode") == null
                            ? null
                            : new ShipmentStatusReported.Location(
                                    r.text("city"), r.text("region"), r.text("country"), r.text("unlocode"))));
        }
        return events;
    }

    private static List<EventData> customs(List<Map<String, Object>> records, List<FieldProblem> problems) {
        var events = new ArrayList<EventData>();
        for (int i = 0; i < records.size(); i++) {
            var r = new Record(records.get(i), i + 1, problems);
            String entry = r.required("entryNumber");
            String status = r.required("status");
            CustomsStatusReported.Status mapped = null;
            if (status != null) {
                try {
                    mapped = CustomsStatusReported.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(
                            r.where("status"), "must be FILED, HOLD, RELEASED or REJECTED, was '" + status + "'"));
                }
            }
            var references = new LinkedHashMap<String, String>();
            for (String key : List.of("shipmentId", "bol", "poNumber", "container")) {
                if (r.text(key) != null) {
                    references.put(key, r.text(key));
                }
            }
            String documents = r.text("documentsRequested");
            events.add(new CustomsStatusReported(
                    entry,
                    references,
                    mapped,
                    r.text("reason"),
                    documents == null
                            ? List.of()
                            : Arrays.stream(documents.split(";"))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList()));
        }
        return events;
    }

    private static List<EventData> notices(List<Map<String, Object>> records, List<FieldProblem> problems) {
        var byShipment = new LinkedHashMap<String, List<Record>>();
        for (int i = 0; i < records.size(); i++) {
            var r = new Record(records.get(i), i + 1, problems);
            String id = r.required("shipmentId");
            if (id != null) {
                byShipment.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
            }
        }
        var events = new ArrayList<EventData>();
        byShipment.forEach((id, rows) -> {
            Record first = rows.get(0);
            var lines = rows.stream()
                    .map(r -> new ShipmentAdvised.Line(
                            r.required("poNumber"),
                            r.text("lineNumber"),
                            r.text("itemId"),
                            r.quantity("quantity"),
                            r.text("unit"),
                            r.text("partnerItemId")))
                    .toList();
            events.add(new ShipmentAdvised(
                    id,
                    first.date("shipDate"),
                    first.date("estimatedDelivery"),
                    first.text("scac"),
                    new ShipmentAdvised.References(
                            first.text("bol"), first.text("pro"), first.text("container"), null, null),
                    lines));
        });
        return events;
    }

    /** A partner's status word or code: a canonical status name, else classified by its words. */
    static TransportStatus transportStatus(String status) {
        try {
            return TransportStatus.valueOf(
                    status.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return StatusDescriptions.classify(status);
        }
    }

    /** One record, with typed reads that record located problems. */
    private record Record(Map<String, Object> values, int number, List<FieldProblem> problems) {

        String where(String field) {
            return "record " + number + ", " + field;
        }

        String text(String field) {
            Object value = values.get(field);
            if (value == null) {
                return null;
            }
            String text = value.toString().trim();
            return text.isEmpty() ? null : text;
        }

        String required(String field) {
            String value = text(field);
            if (value == null) {
                problems.add(new FieldProblem(where(field), "is required"));
            }
            return value;
        }

        BigDecimal decimal(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value.replace(',', '.'));
                // the numbers of partner files are quantities: what a quantity column holds
                Optional<String> size = Magnitude.QUANTITY.problem(number);
                if (size.isPresent()) {
                    problems.add(new FieldProblem(where(field), "'" + value + "' " + size.get()));
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(where(field), "not a number: '" + value + "'"));
                return null;
            }
        }

        /** A quantity promised or shipped: a number, never negative. */
        BigDecimal quantity(String field) {
            BigDecimal quantity = decimal(field);
            if (quantity != null && quantity.signum() < 0) {
                problems.add(
                        new FieldProblem(where(field), "a quantity cannot be negative: " + quantity.toPlainString()));
                return null;
            }
            return quantity;
        }

        LocalDate date(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(
                            value.length() > 10 && format == DateTimeFormatter.ISO_LOCAL_DATE
                                    ? value.substring(0, 10)
                                    : value,
                            format);
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            problems.add(new FieldProblem(where(field), "not a date: '" + value + "' (use YYYY-MM-DD)"));
            return null;
        }

        LocalDateTime dateTime(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
                } catch (DateTimeParseException e2) {
                    LocalDate date = date(field);
                    return date == null ? null : date.atStartOfDay();
                }
            }
        }
    }
}
