package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.ApplicationAckReceived.Status;
import io.seamline.model.event.EventData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 824 Application Advice → one {@code ack.application} per OTI: the document it answers (OTI03), accepted,
 * accepted with errors or rejected (OTI01), and the TED errors.
 */
final class ApplicationAdvice824 implements SetMapper {

    static final Map<String, Status> OTI01 = Map.ofEntries(
            Map.entry("TA", Status.ACCEPTED),
            Map.entry("IA", Status.ACCEPTED),
            Map.entry("BA", Status.ACCEPTED),
            Map.entry("GA", Status.ACCEPTED),
            Map.entry("TC", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("TE", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("TP", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("IC", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("IE", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("IP", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("BC", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("BE", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("BP", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("GC", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("GE", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("GP", Status.ACCEPTED_WITH_ERRORS),
            Map.entry("TR", Status.REJECTED),
            Map.entry("IR", Status.REJECTED),
            Map.entry("BR", Status.REJECTED),
            Map.entry("GR", Status.REJECTED));

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("824");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        reads.required(tx.first("BGN"), "BGN", tx.segments().get(0));
        var events = new ArrayList<EventData>();
        for (List<Segment> loop : tx.loops("OTI", Set.of("SE"))) {
            Segment oti = loop.get(0);
            Status status = reads.code(oti, 1, "OTI01", Standard.X12, "110", OTI01, Status.class, null);
            reads.required(oti, 1);
            String reference = reads.required(oti, 3);
            var errors = new ArrayList<String>();
            StringBuilder error = null;
            for (Segment segment : loop) {
                if (segment.tag().equals("TED")) {
                    if (error != null) {
                        errors.add(error.toString().strip());
                    }
                    String code = segment.get(1) == null ? "" : segment.get(1);
                    String text = segment.get(2);
                    error = new StringBuilder(text == null ? code : code.isEmpty() ? text : code + ": " + text);
                } else if (error != null
                        && (segment.tag().equals("RED") || segment.tag().equals("NTE"))) {
                    // the related data and notes that explain the error, as sent (RED*NA**94**IBP*E054)
                    error.append(" [")
                            .append(segment.tag())
                            .append(' ')
                            .append(values(segment))
                            .append(']');
                }
            }
            if (error != null) {
                errors.add(error.toString().strip());
            }
            events.add(new ApplicationAckReceived(reference, status, errors));
        }
        if (events.isEmpty()) {
            reads.required(java.util.Optional.empty(), "OTI", tx.segments().get(0));
        }
        return events;
    }

    private static String values(Segment segment) {
        var values = new ArrayList<String>();
        for (int i = 1; i <= segment.elementCount(); i++) {
            String value = segment.get(i);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return String.join(" ", values);
    }
}
