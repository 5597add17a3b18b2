package io.seamline.adapters.persistence;

import io.seamline.model.message.TimeOrderedIds;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Was this step recorded already?" across a partitioned table (message, timeline_entry), where PostgreSQL has no
 * unique index without the partition key: the writer takes a lock on each step until its transaction ends, then asks
 * in its next statement, which sees what a writer that held the lock before it committed. Locks are taken in order of
 * their keys, so two writers never wait for each other in a circle.
 */
final class StepLocks {

    private StepLocks() {}

    /**
     * The lock of a step (as {@link Columns#step} keeps it): 64 bits of its MD5. A plain MD5 key's are its first 64
     * bits, as always; a time-ordered key's first 64 bits are {@code ffff} and a millisecond
     * ({@link TimeOrderedIds#keyed}), shared by every step of the messages received in it,
     * so its lock is its last 64 bits, which are its MD5's.
     */
    static long key(UUID step) {
        return TimeOrderedIds.isTimeKeyed(step) ? step.getLeastSignificantBits() : step.getMostSignificantBits();
    }

    /** Locks these steps (nulls skipped) until the transaction ends. */
    static void lock(JdbcClient jdbc, Collection<UUID> steps) {
        Long[] keys = steps.stream()
                .filter(Objects::nonNull)
                .map(StepLocks::key)
                .distinct()
                .sorted()
                .toArray(Long[]::new);
        if (keys.length == 0) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(k) from (select unnest(cast(:keys as bigint[])) as k order by 1) s")
                .param("keys", keys)
                .query((rs, n) -> 1)
                .list();
    }
}
