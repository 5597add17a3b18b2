package io.seamline.adapters.persistence;

import io.seamline.model.partner.PartnerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The control numbers we issue per partner and kind ({@code interchange}, {@code group}, {@code set}). Numbers are
 * taken from the database a block at a time, each block in a short transaction of its own: a number is never issued
 * twice (restarts and several nodes included), and the callers' transactions do not queue behind one partner's
 * sequence row until they commit. Numbers left in a block when a node stops are skipped, not reused; partners check
 * control numbers for duplicates, not for gaps.
 */
@Repository
public class ControlSequences {

    /** Numbers taken at a time. */
    static final int BLOCK = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    @Autowired
    public ControlSequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, BLOCK);
    }

    ControlSequences(JdbcClient jdbc, PlatformTransactionManager transactions, int blockSize) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.blockSize = blockSize;
    }

    /** The next number of the sequence, starting at 1; wraps to 1 after {@code max} (999999999 for ISA13). */
    public long next(PartnerId partner, String kind, long max) {
        Block block = blocks.computeIfAbsent(partner.value() + "\u0000" + kind, key -> new Block());
        synchronized (block) {
            if (block.next > block.last || block.max != max) {
                long[] taken = take(partner, kind, max);
                block.next = taken[0];
                block.last = taken[1];
                block.max = max;
            }
            return block.next++;
        }
    }

    private long[] take(PartnerId partner, String kind, long max) {
        return ownTransaction.execute(tx -> {
            jdbc.sql(
                            """
                            insert into control_sequence (partner_id, kind, last_value) values (:partner, :kind, 0)
                            on conflict (partner_id, kind) do nothing
                            """)
                    .param("partner", partner.value())
                    .param("kind", kind)
                    .update();
            long last = jdbc.sql("select last_value from control_sequence where partner_id = :partner and kind = :kind"
                            + " for update")
                    .param("partner", partner.value())
                    .param("kind", kind)
                    .query(Long.class)
                    .single();
            long first = last >= max ? 1 : last + 1;
            long end = Math.min(max, first + blockSize - 1);
            jdbc.sql("update control_sequence set last_value = :end where partner_id = :partner and kind = :kind")
                    .param("end", end)
                    .param("partner", partner.value())
                    .param("kind", kind)
                    .update();
            return new long[] {first, end};
        });
    }

    private static final class Block {
        long next = 1;
        long last = 0;
        long max;
    }
}
