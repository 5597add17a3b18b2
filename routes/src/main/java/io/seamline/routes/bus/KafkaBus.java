package io.seamline.routes.bus;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.Messages;
import io.seamline.routes.pipeline.BusSettings;
import io.seamline.routes.pipeline.InboundRoutes;
import io.seamline.routes.pipeline.PipelineSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code seamline.bus.mode=kafka}: the topics (created with the configured partitions when missing), the outbox
 * relay, and the inbound topic's consumers. Each record is one archived message; the node whose consumer owns the
 * record's partition runs the records of a poll through the pipeline as one batch (one transaction, the messages in
 * the records' order; one at a time if the batch throws) and commits their offsets after it has committed. A node
 * that dies leaves its records uncommitted: the group gives its partitions to the other nodes, which read them again
 * from the last committed offset.
 */
@Configuration
@ConditionalOnProperty(name = "seamline.bus.mode", havingValue = BusSettings.KAFKA)
class KafkaBus {

    /** Route id of the outbox relay. */
    public static final String RELAY = "bus-relay";

    /** Route id of the inbound topic's consumer. */
    public static final String INBOUND = "bus-inbound";

    /** Exchange property: the records of the batch being handled, whose offsets are committed after it. */
    static final String RECORDS = "SeamlineRecords";

    @Bean(destroyMethod = "close")
    Producer<String, String> busProducer(BusSettings settings) {
        createTopics(settings);
        var config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.brokers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Bean
    BusRelay busRelay(
            BusRecords records,
            Producer<String, String> busProducer,
            TransactionTemplate transactions,
            BusSettings settings) {
        return new BusRelay(records, busProducer, transactions, settings.relayBatch());
    }

    @Bean
    BusConsumer busConsumer(Messages messages, BusRecords records, TransactionTemplate transactions, Clock clock) {
        return new BusConsumer(messages, records, transactions, clock);
    }

    @Bean
    RouteBuilder kafkaBusRoutes(BusSettings settings, PipelineSettings pipeline) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:" + RELAY + "?delay=0&period="
                                + settings.relayPeriod().toMillis())
                        .routeId(RELAY)
                        .bean(BusRelay.class, "relay");

                // a batch is what a poll brought, up to the pipeline's batch size, handed on at once when the
                // records stop coming or 50 ms after the last batch: one transaction for many records under load,
                // no wait under a trickle. An exception (the database unreachable) makes the consumer reconnect and
                // read again from the last committed offsets of all its partitions.
                from("kafka:" + settings.inboundTopic()
                                + "?brokers=" + settings.brokers()
                                + "&groupId=" + settings.group()
                                + "&consumersCount=" + settings.consumers()
                                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
                                + "&breakOnFirstError=true&batching=true&maxPollRecords=" + pipeline.batchSize()
                                + "&pollTimeoutMs=50&batchingIntervalMs=50"
                                + "&sessionTimeoutMs=10000&heartbeatIntervalMs=3000")
                        .routeId(INBOUND)
                        .setProperty(RECORDS, body())
                        .bean(BusConsumer.class, "take")
                        .filter(simple("${body.size} > 0"))
                        .to("direct:" + InboundRoutes.HANDLE_BATCH)
                        .end()
                        .bean(BusConsumer.class, "commit(${exchangeProperty." + RECORDS + "})");
            }
        };
    }

    /** Creates the topics that do not exist yet, with the configured partitions and replication. */
    private static void createTopics(BusSettings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.brokers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(settings.inboundTopic(), settings.eventsTopic()).stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, settings.partitions(), settings.replication()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create the bus topics on " + settings.brokers(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the bus topics on " + settings.brokers(), e);
        }
    }
}
