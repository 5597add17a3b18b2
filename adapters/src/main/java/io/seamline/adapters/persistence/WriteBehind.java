package io.seamline.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows a repository writes at the end of the current transaction, all in one statement, instead of one round trip
 * each: a message that decides twenty lines writes its timeline in one insert. The rows are written just before the
 * transaction commits (so they commit or roll back with it), or earlier when the repository reads them back. Outside a
 * transaction a row is written at once.
 *
 * @param <T> one row to write
 */
final class WriteBehind<T> {

    private final Object owner;
    private final Consumer<List<T>> write;

    /** {@code write} writes the rows given, in order, within the transaction. */
    WriteBehind(Consumer<List<T>> write) {
        this.owner = this;
        this.write = write;
    }

    /**
     * Rows held back under {@code key}, which another repository's reads may write first ({@link #flush(Object)}):
     * those that the rows it reads depend on.
     */
    WriteBehind(Object key, Consumer<List<T>> write) {
        this.owner = key;
        this.write = write;
    }

    /** Writes what the current transaction holds back under {@code key} now, so a read sees it. */
    static void flush(Object key) {
        HeldRows pending = TransactionScoped.current(key, HeldRows.class, null);
        if (pending != null) {
            pending.writeRows();
        }
    }

    /** The rows one write-behind holds back in one transaction. */
    private interface HeldRows extends TransactionScoped.Owned {

        void writeRows();
    }

    /** Writes the row with the current transaction's others before it commits, or now without one. */
    void add(T row) {
        Pending pending = TransactionScoped.current(owner, Pending.class, Pending::new);
        if (pending == null) {
            write.accept(List.of(row));
        } else {
            pending.rows.add(row);
        }
    }

    /**
     * The rows the current transaction holds back, in order, for a repository to change before they are written (an
     * expectation met in the transaction that opened it); empty outside a transaction.
     */
    List<T> held() {
        Pending pending = TransactionScoped.current(owner, Pending.class, null);
        return pending == null ? new ArrayList<>() : pending.rows;
    }

    /** Writes what the current transaction holds back now, so a read sees it. */
    void flush() {
        flush(owner);
    }

    private final class Pending implements HeldRows {

        private final List<T> rows = new ArrayList<>();

        @Override
        public Object owner() {
            return owner;
        }

        @Override
        public void writeRows() {
            if (!rows.isEmpty()) {
                List<T> batch = List.copyOf(rows);
                rows.clear();
                write.accept(batch);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeRows();
        }
    }
}
