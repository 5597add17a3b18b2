package io.seamline.mappings.edi.x12;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.event.TenderAnswered.Decision;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 990 Response to a Load Tender → {@code tender.response}: B1 (SCAC, shipment id, date, A accept / D decline). */
final class TenderResponse990 implements SetMapper {

    static final Map<String, Decision> B104 = Map.of(
            "A", Decision.ACCEPTED,
            "D", Decision.DECLINED,
            "C", Decision.CONDITIONAL,
            "R", Decision.DECLINED);

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("990");
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment b1 = reads.required(tx.first("B1"), "B1", tx.segments().get(0));
        String shipmentId = reads.required(b1, 2);
        Decision decision = reads.code(b1, 4, "B104", B104, Decision.class);
        reads.required(b1, 4);
        String conditions = tx.all("K1").stream()
                .map(k -> String.join(" ", nonNull(k.get(1)), nonNull(k.get(2))).trim())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
        return List.of(new TenderAnswered(
                shipmentId, decision, b1 == null ? null : b1.get(5), conditions.isEmpty() ? null : conditions));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
