package io.seamline.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values a repository read once in the current transaction and hands out again for the rest of it, instead of a
 * round trip each time: a message's steps look its partner up a dozen times. A write to the rows behind a value
 * forgets it ({@link #forget()}); outside a transaction every call reads.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value
 */
final class TransactionMemo<K, V> {

    private final Function<K, V> read;

    TransactionMemo(Function<K, V> read) {
        this.read = read;
    }

    V get(K key) {
        Values values = TransactionScoped.current(this, Values.class, Values::new);
        return values == null ? read.apply(key) : values.byKey.computeIfAbsent(key, read);
    }

    /** The current transaction reads again from now on. */
    void forget() {
        Values values = TransactionScoped.current(this, Values.class, null);
        if (values != null) {
            values.byKey.clear();
        }
    }

    private final class Values implements TransactionScoped.Owned {

        private final Map<K, V> byKey = new HashMap<>();

        @Override
        public Object owner() {
            return TransactionMemo.this;
        }
    }
}
