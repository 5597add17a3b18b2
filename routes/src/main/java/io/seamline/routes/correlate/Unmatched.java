package io.seamline.routes.correlate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why an event could not be matched, the PO numbers whose arrival from the ERP would let it match, and the
 * candidates a person may pick from, best first (each with a {@code score} from 0 to 1 and a {@code reason}).
 */
public record Unmatched(String reason, List<String> missingPoNumbers, List<Map<String, Object>> candidates) {

    public Unmatched {
        Objects.requireNonNull(reason, "reason");
        missingPoNumbers = List.copyOf(missingPoNumbers);
        candidates = List.copyOf(candidates);
    }
}
