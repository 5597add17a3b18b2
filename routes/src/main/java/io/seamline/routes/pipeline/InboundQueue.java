package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.model.message.MessageId;
import io.seamline.routes.bus.BusSettings;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands archived messages to the pipeline. On the local bus: the in-process queue, once the caller's transaction has
 * committed; the queue is only a fast path, the database state (RECEIVED) is what makes a message durable, and the
 * sweep picks up whatever the queue lost in a crash. On the Kafka bus: a record in the outbox, in the caller's
 * transaction, which the relay publishes to the inbound topic under {@code key} once it has committed.
 */
@Component
public class InboundQueue {

    private final ProducerTemplate producer;
    private final BusRecords bus;
    private final BusSettings settings;
    private final Clock clock;

    public InboundQueue(ProducerTemplate producer, BusRecords bus, BusSettings settings, Clock clock) {
        this.producer = producer;
        this.bus = bus;
        this.settings = settings;
        this.clock = clock;
    }

    /** A message nothing orders it by (a retry, a reprocess). */
    public void submit(MessageId id) {
        submit(id, id.toString());
    }

    /**
     * A message to process after the messages submitted before it under the same {@code key} (its subject, else its
     * partner).
     */
    public void submit(MessageId id, String key) {
        if (settings.kafka()) {
            bus.publish(settings.inboundTopic(), key, id.toString(), clock.instant());
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    producer.sendBody(InboundRoutes.QUEUE, id);
                }
            });
        } else {
            producer.sendBody(InboundRoutes.QUEUE, id);
        }
    }
}
