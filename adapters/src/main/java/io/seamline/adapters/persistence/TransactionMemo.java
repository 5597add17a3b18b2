package io.seamline.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Values a repository read once in the current transaction and hands out again for the rest of it, instead of a
 * round trip each time: a message's steps look its partner up a dozen times, and a batch of messages the same
 * shipment or PO. A write to the rows behind a value forgets it ({@link #forget()}, {@link #forget(Object)}) or
 * changes the copy as it changed the rows ({@link #replaceAll}); outside a transaction every call reads.
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
        if (values == null) {
            return read.apply(key);
        }
        // not computeIfAbsent: a read may itself fill this memo (put) before it returns
        V value = values.byKey.get(key);
        if (value == null && !values.byKey.containsKey(key)) {
            value = read.apply(key);
            values.byKey.put(key, value);
        }
        return value;
    }

    /** Hands {@code value} out for the key for the rest of the transaction (a value read along with another). */
    void put(K key, V value) {
        Values values = TransactionScoped.current(this, Values.class, Values::new);
        if (values != null) {
            values.byKey.put(key, value);
        }
    }

    /** The current transaction reads again from now on. */
    void forget() {
        Values values = TransactionScoped.current(this, Values.class, null);
        if (values != null) {
            values.byKey.clear();
        }
    }

    /** The current transaction reads this key again from now on. */
    void forget(K key) {
        Values values = TransactionScoped.current(this, Values.class, null);
        if (values != null) {
            values.byKey.remove(key);
        }
    }

    /** Changes every value the current transaction holds, as a write just changed the rows behind them. */
    void replaceAll(UnaryOperator<V> change) {
        Values values = TransactionScoped.current(this, Values.class, null);
        if (values != null) {
            values.byKey.replaceAll((key, value) -> change.apply(value));
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
