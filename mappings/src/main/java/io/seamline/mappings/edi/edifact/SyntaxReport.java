package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.FunctionalAckReceived.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CONTRL → {@code ack.functional}: UCI (our interchange reference; 0083 action 8 accepted, 7 partly, 4 rejected),
 * a UCM per message with its action and UCS/UCD errors.
 */
final class SyntaxReport implements SetMapper {

    static final Map<String, Status> UCI_0083 = Map.of(
            "8", Status.ACCEPTED,
            "7", Status.PARTIALLY_ACCEPTED,
            "4", Status.REJECTED);

    static final Map<String, Status> UCM_0083 = Map.of(
            "7", Status.ACCEPTED,
            "8", Status.ACCEPTED,
            "4", Status.REJECTED);

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("CONTRL");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment uci = reads.required(tx.first("UCI"), "UCI", tx.segments().get(0));
        String interchange = reads.required(uci, 1);
        Status status = reads.code(uci, 4, "UCI04", Standard.EDIFACT, "0083", UCI_0083, Status.class, null);
        reads.required(uci, 4);
        var messages = new ArrayList<FunctionalAckReceived.SetAck>();
        String functionalId = null;
        for (List<Segment> loop : tx.loops("UCM", Set.of("UCF", "UNT"))) {
            Segment ucm = loop.get(0);
            functionalId = functionalId == null ? ucm.get(2, 1) : functionalId;
            var errors = new ArrayList<String>();
            if (ucm.get(4) != null) {
                errors.add("message error " + ucm.get(4));
            }
            for (Segment s : loop) {
                if (s.tag().equals("UCS")) {
                    errors.add("segment " + s.get(1) + (s.get(2) == null ? "" : ": error " + s.get(2)));
                } else if (s.tag().equals("UCD")) {
                    errors.add("element " + s.get(2, 1) + ": error " + s.get(1));
                }
            }
            messages.add(new FunctionalAckReceived.SetAck(
                    ucm.get(2, 1),
                    ucm.get(1),
                    reads.code(ucm, 3, "UCM03", Standard.EDIFACT, "0083", UCM_0083, Status.class, null),
                    errors));
        }
        if (status == Status.PARTIALLY_ACCEPTED
                && !messages.isEmpty()
                && messages.stream().allMatch(m -> m.status() == Status.ACCEPTED)) {
            status = Status.ACCEPTED;
        }
        return List.of(new FunctionalAckReceived(
                FunctionalAckReceived.Standard.EDIFACT, functionalId, null, interchange, status, messages));
    }
}
