package io.seamline.model.message;

import java.util.List;

/**
 * Envelope control numbers of an EDI message: the interchange (ISA13 / UNB 0020), its groups (GS06 / UNG 0048)
 * and transaction sets or messages (ST02 / UNH 0062). Empty for messages without an envelope.
 */
public record ControlNumbers(String interchange, List<String> groups, List<String> sets) {

    public ControlNumbers {
        groups = List.copyOf(groups == null ? List.of() : groups);
        sets = List.copyOf(sets == null ? List.of() : sets);
    }

    public static ControlNumbers none() {
        return new ControlNumbers(null, List.of(), List.of());
    }

    public static ControlNumbers interchange(String interchange) {
        return new ControlNumbers(interchange, List.of(), List.of());
    }
}
