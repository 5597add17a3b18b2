package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.model.message.MessageId;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands archived messages to the pipeline. On the local bus: the in-process queue of the message's lane (its key's),
 * once the caller's transaction has committed; the queue is only a fast path, the database state (RECEIVED) is what
 * makes a message durable, and the sweep picks up whatever the queue lost in a crash. On the Kafka bus: a record in
 * the outbox, in the caller's transaction, which the relay publishes to the inbound topic under {@code key} once it
 * has committed.
 */
@Component
public class InboundQueue {

    private final ProducerTemplate producer;
    private final BusRecords bus;
    private final BusSettings settings;
    private final PipelineSettings pipeline;
    private final Clock clock;

    public InboundQueue(
            ProducerTemplate producer, BusRecords bus, BusSettings settings, PipelineSettings pipeline, Clock clock) {
        this.producer = producer;
        this.bus = bus;
        this.settings = settings;
        this.pipeline = pipeline;
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
                    local(id, key);
                }
            });
        } else {
            local(id, key);
        }
    }

    /** Onto this node's own queue of the key's lane, whichever bus is configured (the sweep's way). */
    void local(MessageId id, String key) {
        producer.sendBody(InboundRoutes.lane(Math.floorMod(key.hashCode(), pipeline.consumers())), id);
    }
}
