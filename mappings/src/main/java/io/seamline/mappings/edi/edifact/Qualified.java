package io.seamline.mappings.edi.edifact;

import io.seamline.mappings.edi.mapping.Reads;
import io.seamline.mappings.edi.mapping.Segment;
import io.seamline.mappings.edi.mapping.Transaction;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** EDIFACT's qualified composites: RFF+ON:4500012345, DTM+137:20261122:102, QTY+12:40:PCE, MOA+77:1250.00. */
final class Qualified {

    private Qualified() {}

    /** The first segment {@code tag} whose first composite is qualified by one of {@code qualifiers}. */
    static Optional<Segment> first(List<Segment> segments, String tag, String... qualifiers) {
        for (String qualifier : qualifiers) {
            Optional<Segment> found = Transaction.first(segments, tag, s -> qualifier.equals(s.get(1, 1)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** RFF+{qualifier}:{value}: the value. */
    static String reference(List<Segment> segments, String... qualifiers) {
        return first(segments, "RFF", qualifiers).map(s -> s.get(1, 2)).orElse(null);
    }

    static LocalDateTime dateTime(Reads reads, List<Segment> segments, String... qualifiers) {
        return first(segments, "DTM", qualifiers).map(reads::edifactDateTime).orElse(null);
    }

    /** QTY+{qualifier}:{quantity}: a quantity ordered, promised or shipped, never negative. */
    static BigDecimal quantity(Reads reads, List<Segment> segments, String... qualifiers) {
        return first(segments, "QTY", qualifiers)
                .map(s -> reads.quantity(s, 1, 2))
                .orElse(null);
    }

    /** QTY+{qualifier}:{quantity}: a quantity that may be negative (an invoice's credited line). */
    static BigDecimal signedQuantity(Reads reads, List<Segment> segments, String... qualifiers) {
        return first(segments, "QTY", qualifiers)
                .map(s -> reads.decimal(s, 1, 2))
                .orElse(null);
    }

    static String unit(List<Segment> segments, String... qualifiers) {
        return first(segments, "QTY", qualifiers).map(s -> s.get(1, 3)).orElse(null);
    }

    static BigDecimal amount(Reads reads, List<Segment> segments, String... qualifiers) {
        return first(segments, "MOA", qualifiers)
                .map(s -> reads.decimal(s, 1, 2))
                .orElse(null);
    }
}
