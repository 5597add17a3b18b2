package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.FunctionalAckReceived.SetAck;
import io.seamline.model.event.FunctionalAckReceived.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 997 Functional Acknowledgment and 999 Implementation Acknowledgment → {@code ack.functional}: AK1 (which of our
 * groups), an AK2 loop per set with its errors (AK3/AK4 or IK3/IK4) and status (AK5/IK5), AK9 for the group.
 */
final class FunctionalAck997 implements SetMapper {

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("997", "999");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        boolean is999 = tx.setId().equals("999");
        Segment st = tx.segments().get(0);
        Segment ak1 = reads.required(tx.first("AK1"), "AK1", st);
        reads.required(ak1, 1);
        reads.required(ak1, 2);
        AckCodes.checkFunctionalId(reads, ak1);
        AckCodes.checkNumber(reads, ak1, 2);
        var sets = new ArrayList<SetAck>();
        for (List<Segment> loop : tx.loops("AK2", Set.of("AK9", "SE"))) {
            Segment ak2 = loop.get(0);
            reads.required(ak2, 1);
            reads.required(ak2, 2);
            var errors = new ArrayList<String>();
            Segment ak5 = null;
            for (Segment s : loop) {
                switch (s.tag()) {
                    case "AK3", "IK3" -> {
                        AckCodes.checkNumber(reads, s, 2);
                        errors.add("segment " + s.get(1) + " at position " + s.get(2) + ": error " + s.get(4));
                    }
                    case "AK4", "IK4" -> errors.add(
                            "element " + position(s) + (s.get(2) == null ? "" : " (" + s.get(2) + ")") + ": error "
                                    + s.get(3) + (s.get(4) == null ? "" : " ('" + s.get(4) + "')"));
                    case "AK5", "IK5" -> ak5 = s;
                    default -> {
                        // CTX context segments add nothing the canonical event carries
                    }
                }
            }
            Segment status = reads.required(
                    java.util.Optional.ofNullable(ak5), is999 ? "IK5" : "AK5", loop.get(loop.size() - 1));
            Status setStatus = reads.code(status, 1, "AK501", Standard.X12, "717", AckCodes.STATUS, Status.class, null);
            if (status != null) {
                reads.required(status, 1);
                for (int i = 2; i <= 6; i++) {
                    if (status.get(i) != null) {
                        errors.add("set error " + status.get(i));
                    }
                }
            }
            sets.add(new SetAck(ak2.get(1), ak2.get(2), setStatus, errors));
        }
        Segment ak9 = reads.required(
                tx.first("AK9"), "AK9", tx.segments().get(tx.segments().size() - 1));
        Status groupStatus = reads.code(ak9, 1, "AK901", Standard.X12, "715", AckCodes.STATUS, Status.class, null);
        reads.required(ak9, 1);
        for (int element = 2; element <= 4; element++) {
            reads.required(ak9, element);
            AckCodes.checkNumber(reads, ak9, element);
        }
        return List.of(new FunctionalAckReceived(
                FunctionalAckReceived.Standard.X12,
                ak1 == null ? null : ak1.get(1),
                ak1 == null ? null : ak1.get(2),
                null,
                groupStatus,
                sets));
    }

    private static String position(Segment ak4) {
        String element = ak4.get(1, 1);
        String component = ak4.get(1, 2);
        return component == null ? String.valueOf(element) : element + "." + component;
    }
}
