package io.seamline.adapters.delivery;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * How a poller takes due work: batch after batch while each comes back full, for up to {@link #BUDGET}. One batch a
 * poll alone caps a sender at {@code batch} a {@code poll} (50 a second by default), fewer than the answers and
 * write-backs of 150 documents a second, and what waits would only grow. The budget lets the poller yield (to a
 * shutdown) now and then; it is time spent, so it is read from the JVM's monotonic clock, not from the business clock
 * (which a test may hold still).
 */
public final class Drain {

    /** How long one poll goes on taking full batches before it lets the next poll continue. */
    public static final Duration BUDGET = Duration.ofSeconds(10);

    private Drain() {}

    /**
     * Runs {@code oneBatch} (which attempts up to {@code batch} and says how many it attempted) until it comes back
     * short or the budget is spent; returns how many were attempted in all.
     */
    public static int whileFull(int batch, IntSupplier oneBatch) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int total = 0;
        int attempted;
        do {
            attempted = oneBatch.getAsInt();
            total += attempted;
        } while (attempted >= batch && System.nanoTime() - deadline < 0);
        return total;
    }
}
