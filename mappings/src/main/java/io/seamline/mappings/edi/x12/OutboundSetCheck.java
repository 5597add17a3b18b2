package io.seamline.mappings.edi.x12;

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
 * The sets we send (850 order, 860 order change, 204 load tender) are validated when read, in tests of our own
 * output and when a partner sends one by mistake, but produce no events: the header segment and its key elements,
 * numbers and dates, and the qualifier/id pairs of item segments (if one is there, so is the other).
 */
final class OutboundSetCheck implements SetMapper {

    /** Per set: the header segment and its required elements. */
    private static final Map<String, Header> HEADERS = Map.of(
            "850", new Header("BEG", new int[] {1, 2, 3, 5}, 5),
            "860", new Header("BCH", new int[] {1, 2, 3}, 6),
            "204", new Header("B2", new int[] {4}, 0));

    /** Item segments and the element where their qualifier/id pairs begin. */
    private static final Map<String, Integer> PAIRS = Map.of("PO1", 6, "POC", 8, "LIN", 2);

    private record Header(String tag, int[] required, int dateElement) {}

    @Override
    public Standard standard() {
        return Standard.X12;
    }

    @Override
    public List<String> setIds() {
        return List.of("850", "860", "204");
    }

    @Override
    public boolean producesEvents() {
        return false;
    }

    @Override
    public List<EventData> map(Transaction tx, MappingContext ctx) {
        Reads reads = ctx.reads();
        Header header = HEADERS.get(tx.setId());
        Segment first = reads.required(
                tx.first(header.tag()), header.tag(), tx.segments().get(0));
        for (int element : header.required()) {
            reads.required(first, element);
        }
        if (header.dateElement() > 0) {
            reads.date(first, header.dateElement());
        }
        for (Segment s : tx.segments()) {
            Integer pairsFrom = PAIRS.get(s.tag());
            if (pairsFrom != null) {
                checkPairs(reads, s, pairsFrom);
            }
            if (s.tag().equals("PO1")) {
                reads.decimal(s, 2);
                reads.decimal(s, 4);
            }
            if (s.tag().equals("DTM")) {
                reads.date(s, 2);
            }
        }
        return List.of();
    }

    /** X12 syntax note P (paired): a qualifier without its id, or an id without its qualifier. */
    static void checkPairs(Reads reads, Segment s, int first) {
        for (int q = first; q + 1 <= Math.max(s.elementCount(), first + 1); q += 2) {
            boolean qualifier = s.get(q) != null;
            boolean id = s.get(q + 1) != null;
            if (qualifier != id) {
                int missing = qualifier ? q + 1 : q;
                reads.element(
                        SyntaxError.CONDITIONAL_ELEMENT_MISSING,
                        s,
                        missing,
                        1,
                        null,
                        s.tag() + String.format("%02d", q) + " and " + s.tag() + String.format("%02d", q + 1)
                                + " go together");
            }
        }
    }
}
