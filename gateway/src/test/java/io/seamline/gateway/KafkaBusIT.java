package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import io.seamline.model.partner.PartnerScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code seamline.bus=kafka} with two gateway nodes sharing one PostgreSQL and an in-process KRaft broker: the nodes
 * share the inbound topic's partitions, a node that stops mid-burst leaves nothing behind, a record that is not a
 * message is parked with its reason while the rest flows, and a resent interchange has one effect. Lost and duplicated
 * are counted from the database: every accepted message processed, each with exactly one 997 and one set of events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaBusIT {

    private static final String TOPIC = "seamline.inbound";

    @TempDir
    static Path dir;

    private EmbeddedKafkaKraftBroker broker;
    private EmbeddedPostgresServer postgres;
    private JdbcClient db;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.afterPropertiesSet();
        postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0, Duration.ofSeconds(60), "seamline");
        db = JdbcClient.create(postgres.database("seamline"));
        nodes.add(node("a"));
        nodes.add(node("b"));
    }

    @AfterAll
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        postgres.close();
        broker.destroy();
    }

    private ConfigurableApplicationContext node(String name) {
        return BusCluster.node(
                dir.resolve(name), postgres.jdbcUrl("seamline"), postgres.user(), "", broker.getBrokersAsString());
    }

    private BusCluster cluster() {
        return new BusCluster(db, nodes.get(0));
    }

    @Test
    void twoNodesShareTheWorkAndEachMessageHasOneEffect() throws Exception {
        Set<String> accepted = cluster().send("KA", 120, List.of(nodes.get(0), nodes.get(1)));

        cluster().awaitProcessed(accepted);

        cluster().assertExactlyOnce(accepted);
        // the relay publishes what a message's transaction wrote after it committed: the outbox drains behind it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(db.sql("select count(*) from bus_outbox")
                        .query(Long.class)
                        .single())
                .isZero());
        // both nodes' consumers own partitions of the inbound topic (once a rebalance going on has ended)
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var group = admin.describeConsumerGroups(List.of("seamline"))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get("seamline");
                assertThat(group.members()).hasSize(4).allSatisfy(member -> assertThat(
                                member.assignment().topicPartitions())
                        .isNotEmpty());
            });
        }
        assertThat(eventsPublished()).isGreaterThanOrEqualTo(accepted.size());
    }

    @Test
    void aBurstOnOnePartitionIsProcessedInBatchesNotOneTransactionPerRecord() {
        // all about one PO: one key, one partition, one consumer
        Set<String> accepted = cluster().send("KB", 60, List.of(nodes.get(0)));

        cluster().awaitProcessed(accepted);

        cluster().assertExactlyOnce(accepted);
        long transactions = db.sql(
                        "select count(distinct xmin::text) from message where id = any(cast(:ids as uuid[]))")
                .param("ids", accepted.toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat(transactions).isBetween(60L / 10, 60L / 2);
    }

    @Test
    void aNodeStoppedMidBurstLeavesNothingUndoneAndNothingTwice() throws Exception {
        ConfigurableApplicationContext third = node("c");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        var burst = sender.submit(() -> cluster().send("KC", 150, List.of(nodes.get(0), third), accepted));
        // stop the third node while the burst is being processed, not before it started or after it ended
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> cluster().processed(accepted) >= 20);
        third.close();
        burst.get(2, TimeUnit.MINUTES);
        sender.shutdown();
        assertThat(accepted).hasSize(150);

        cluster().awaitProcessed(accepted);

        cluster().assertExactlyOnce(accepted);
    }

    @Test
    void postgresqlRestartedUnderLoadLosesNothingAndDecidesNothingTwice() throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        var burst = sender.submit(() -> cluster().sendUntilAccepted("KD", 150, List.of(nodes.get(0), nodes.get(1))));
        int port = postgres.port();
        try (var held = cluster().holdMidBurst("KD", 150, postgres.database("seamline"))) {
            // the transactions the hold stopped are caught mid-run
            postgres.close();
        }
        postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), port, Duration.ofSeconds(60), "seamline");
        db = JdbcClient.create(postgres.database("seamline"));
        Set<String> controls = burst.get(3, TimeUnit.MINUTES);
        sender.shutdown();

        cluster().assertEachInterchangeOnce(controls);
    }

    @Test
    void aPoisonRecordIsParkedWithItsReasonAndTheRestFlows() throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer())) {
            for (int partition = 0; partition < 4; partition++) {
                producer.send(new ProducerRecord<>(TOPIC, partition, "poison", "this is not a message id"))
                        .get();
            }
        }
        Set<String> accepted = cluster().send("KP", 20, List.of(nodes.get(0)));

        cluster().awaitProcessed(accepted);

        cluster().assertExactlyOnce(accepted);
        List<BusRecords.Parked> parked = nodes.get(0).getBean(BusRecords.class).parked();
        assertThat(parked).filteredOn(p -> "poison".equals(p.key())).hasSize(4).allSatisfy(p -> assertThat(p.reason())
                .isEqualTo("not an archived message's id"));
    }

    @Test
    void theSameInterchangeResentIsAcknowledgedAgainButDecidedOnce() {
        String interchange = BusCluster.interchange("KR", 1);
        var first = BusCluster.intake(nodes.get(0))
                .edi(BusCluster.bytes(interchange), "test", null, PartnerScope.everyone(), null, "r1");
        var again = BusCluster.intake(nodes.get(1))
                .edi(BusCluster.bytes(interchange), "test", null, PartnerScope.everyone(), null, "r2");
        Set<String> both = Set.of(BusCluster.id(first), BusCluster.id(again));

        cluster().awaitProcessed(both);

        assertThat(db.sql("select status from message where id = :id::uuid")
                        .param("id", BusCluster.id(again))
                        .query(String.class)
                        .single())
                .isEqualTo("DUPLICATE");
        assertThat(db.sql("select count(*) from event where message_id = any (:ids::uuid[])")
                        .param("ids", both.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long eventsPublished() {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "kafka-bus-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("seamline.events"));
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (var record : records) {
                    assertThat(record.key()).startsWith("po/");
                    count++;
                }
                if (records.isEmpty() && count > 0) {
                    break;
                }
            }
            return count;
        }
    }
}
