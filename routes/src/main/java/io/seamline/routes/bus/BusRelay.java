package io.seamline.routes.bus;

import io.seamline.adapters.persistence.BusRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox's records to Kafka. One relay of the cluster works at a time (the others find the outbox
 * taken and wait for the next turn), so records with the same key reach their partition in the order they were
 * written. A batch is deleted from the outbox in the transaction that took it, only after the broker has
 * acknowledged every record of it; if anything fails the transaction rolls back and the batch is sent again (the
 * consumers are idempotent, so a record published twice has one effect).
 */
public class BusRelay {

    private final BusRecords records;
    private final Producer<String, String> producer;
    private final TransactionTemplate transactions;
    private final int batch;

    public BusRelay(
            BusRecords records, Producer<String, String> producer, TransactionTemplate transactions, int batch) {
        this.records = records;
        this.producer = producer;
        this.transactions = transactions;
        this.batch = batch;
    }

    /** Publishes what is waiting, a batch per transaction; returns how many records were published. */
    public int relay() {
        int total = 0;
        int published;
        do {
            published = transactions.execute(tx -> publishBatch());
            total += published;
        } while (published == batch);
        return total;
    }

    private int publishBatch() {
        List<BusRecords.Pending> pending = records.take(batch);
        if (pending.isEmpty()) {
            return 0;
        }
        var sent = new ArrayList<Future<RecordMetadata>>(pending.size());
        for (BusRecords.Pending record : pending) {
            sent.add(producer.send(new ProducerRecord<>(record.topic(), record.key(), record.payload())));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the batch; it is sent again", e);
        }
        records.published(pending);
        return pending.size();
    }
}
