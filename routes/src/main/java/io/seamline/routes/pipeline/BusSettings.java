package io.seamline.routes.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.bus}: how the stages talk. {@code local} (the default, one node): an in-process queue, with the
 * database as the durable record. {@code kafka} (several nodes): archived messages go through Kafka topics, published
 * from a transactional outbox and consumed with offsets committed after the step's transaction.
 *
 * @param mode {@code local} or {@code kafka}
 * @param brokers Kafka's bootstrap servers
 * @param inboundTopic archived messages to process, keyed by what they are about (their subject, else their partner)
 * @param eventsTopic canonical events once decided, keyed by their subject (PO, shipment), for other systems
 * @param partitions partitions of the topics when the gateway creates them
 * @param replication replication factor of the topics when the gateway creates them
 * @param group the consumer group of the gateway nodes
 * @param consumers consumer threads per node (each takes its share of the partitions)
 * @param relayPeriod how often the outbox relay looks for records to publish
 * @param relayBatch records published per relay transaction
 */
@ConfigurationProperties("seamline.bus")
public record BusSettings(
        String mode,
        String brokers,
        String inboundTopic,
        String eventsTopic,
        int partitions,
        short replication,
        String group,
        int consumers,
        Duration relayPeriod,
        int relayBatch) {

    public static final String KAFKA = "kafka";

    public BusSettings {
        mode = mode == null || mode.isBlank() ? "local" : mode.trim();
        brokers = brokers == null ? "localhost:9092" : brokers;
        inboundTopic = inboundTopic == null ? "seamline.inbound" : inboundTopic;
        eventsTopic = eventsTopic == null ? "seamline.events" : eventsTopic;
        partitions = partitions <= 0 ? 12 : partitions;
        replication = replication <= 0 ? 1 : replication;
        group = group == null ? "seamline" : group;
        consumers = consumers <= 0 ? 2 : consumers;
        relayPeriod = relayPeriod == null ? Duration.ofMillis(50) : relayPeriod;
        relayBatch = relayBatch <= 0 ? 500 : relayBatch;
    }

    public boolean kafka() {
        return KAFKA.equalsIgnoreCase(mode);
    }
}
