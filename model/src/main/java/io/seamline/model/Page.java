package io.seamline.model;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the total that matched, and the window asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), total, limit, offset);
    }
}
