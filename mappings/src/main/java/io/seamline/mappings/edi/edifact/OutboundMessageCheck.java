package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.SyntaxError;
import io.seamline.mappings.edi.mapping.MappingContext;
import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.SetMapper;
import io.seamline.mappings.edi.mapping.Transaction;
import io.seamline.model.event.EventData;
import java.util.List;
import java.util.Map;

/**
 * The messages we send (ORDERS, ORDCHG) are validated when read, but produce no events: BGM with its number, dates
 * and numbers, and composites no longer than the directory allows (IMD C273 has six components, a common way for
 * an unreleased ':' to show).
 */
final class OutboundMessageCheck implements SetMapper {

    /** Composites whose component count is worth checking: tag → element → maximum components. */
    private static final Map<String, Map<Integer, Integer>> MAX_COMPONENTS = Map.of(
            "IMD", Map.of(3, 6),
            "BGM", Map.of(1, 4, 2, 3),
            "DTM", Map.of(1, 3),
            "QTY", Map.of(1, 3),
            "PRI", Map.of(1, 6),
            "RFF", Map.of(1, 5),
            "LIN", Map.of(3, 4));

    @Override
    public Standard standard() {
        return Standard.EDIFACT;
    }

    @Override
    public List<String> setIds() {
        return List.of("ORDERS", "ORDCHG");
    }

    @Override
    public boolean producesEvents() {
        return false;
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Segment bgm = reads.required(tx.first("BGM"), "BGM", tx.segments().get(0));
        reads.required(bgm, 2, 1);
        for (Segment s : tx.segments()) {
            Map<Integer, Integer> limits = MAX_COMPONENTS.get(s.tag());
            if (limits != null) {
                limits.forEach((element, max) -> {
                    if (s.get(element, max + 1) != null) {
                        reads.element(
                                SyntaxError.TOO_MANY_COMPONENTS,
                                s,
                                element,
                                max + 1,
                                s.get(element, max + 1),
                                s.tag() + String.format("%02d", element) + " has more than " + max + " components");
                    }
                });
            }
            if (s.tag().equals("DTM")) {
                reads.edifactDateTime(s);
            } else if (s.tag().equals("QTY")) {
                reads.decimal(s, 1, 2);
            }
        }
        return List.of();
    }
}
