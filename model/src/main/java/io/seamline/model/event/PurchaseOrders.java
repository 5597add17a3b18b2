package io.seamline.model.event;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** The distinct PO numbers among those an event names (blank ones left out, each trimmed). */
final class PurchaseOrders {

    private PurchaseOrders() {}

    static Set<String> of(Stream<String> named) {
        var numbers = new LinkedHashSet<String>();
        named.filter(Objects::nonNull)
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .forEach(numbers::add);
        return Set.copyOf(numbers);
    }
}
