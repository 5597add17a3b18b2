package io.seamline.adapters.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the raw bytes of messages archived before the blob store into it, online: {@value #BATCH} rows per
 * transaction, rows another node is moving skipped, until none is left. Runs on every node; safe to interrupt.
 */
@Component
public class BlobMigration {

    private static final Logger LOG = LoggerFactory.getLogger(BlobMigration.class);
    static final int BATCH = 100;

    private final Messages messages;
    private final TransactionTemplate transactions;

    public BlobMigration(Messages messages, TransactionTemplate transactions) {
        this.messages = messages;
        this.transactions = transactions;
    }

    /** Moves what is left, batch by batch; returns how many messages moved. */
    public int moveAll() {
        int total = 0;
        while (true) {
            Integer moved = transactions.execute(status -> messages.moveBytesToBlobs(BATCH));
            if (moved == null || moved == 0) {
                break;
            }
            total += moved;
        }
        if (total > 0) {
            LOG.info("Moved the raw bytes of {} messages into the blob store", total);
        }
        return total;
    }
}
