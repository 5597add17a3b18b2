package io.seamline.model.event;

import java.util.List;
import java.util.Objects;

/**
 * One identity a line gives its item, as sent: the qualifier (X12 235 {@code VP}, {@code UP}, {@code LT}, {@code SN}
 * …; EDIFACT 7143 {@code SA}, {@code SRV}, {@code NB} …) and the value. A line keeps all of them, in the order sent,
 * beside the {@code itemId} and {@code partnerItemId} chosen from them.
 */
public record ItemId(String qualifier, String value) {

    public ItemId {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(value, "value");
    }

    /** The first value sent under one of {@code qualifiers}, or null. */
    public static String first(List<ItemId> ids, List<String> qualifiers) {
        return ids.stream()
                .filter(id -> qualifiers.contains(id.qualifier()))
                .map(ItemId::value)
                .findFirst()
                .orElse(null);
    }

    /** Every value sent under one of {@code qualifiers}, in order. */
    public static List<String> all(List<ItemId> ids, List<String> qualifiers) {
        return ids.stream()
                .filter(id -> qualifiers.contains(id.qualifier()))
                .map(ItemId::value)
                .toList();
    }

    static List<ItemId> copy(List<ItemId> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }
}
