package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.embedded.EmbeddedPostgresServer;
import io.seamline.model.partner.PartnerScope;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.nio.charset.StandardCharsets;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        return new SpringApplicationBuilder(Seamline.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--seamline.data-dir=" + dir.resolve(name),
                        "--spring.datasource.url=" + postgres.jdbcUrl("seamline"),
                        "--spring.datasource.username=" + postgres.user(),
                        "--seamline.bus.mode=kafka",
                        "--seamline.bus.brokers=" + broker.getBrokersAsString(),
                        "--seamline.bus.partitions=4",
                        "--seamline.delivery.poll=200ms");
    }

    @Test
    void twoNodesShareTheWorkAndEachMessageHasOneEffect() throws Exception {
        Set<String> accepted = send("KA", 120, List.of(nodes.get(0), nodes.get(1)));

        awaitProcessed(accepted);

        assertExactlyOnce(accepted);
        assertThat(db.sql("select count(*) from bus_outbox").query(Long.class).single())
                .isZero();
        // both nodes' consumers own partitions of the inbound topic
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()))) {
            var group = admin.describeConsumerGroups(List.of("seamline"))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get("seamline");
            assertThat(group.members()).hasSize(4).allSatisfy(member -> assertThat(
                            member.assignment().topicPartitions())
                    .isNotEmpty());
        }
        assertThat(eventsPublished()).isGreaterThanOrEqualTo(accepted.size());
    }

    @Test
    void aNodeStoppedMidBurstLeavesNothingUndoneAndNothingTwice() throws Exception {
        ConfigurableApplicationContext third = node("c");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        var burst = sender.submit(() -> send("KC", 150, List.of(nodes.get(0), third)));
        Thread.sleep(1_500);
        third.close();
        Set<String> accepted = burst.get(2, TimeUnit.MINUTES);
        sender.shutdown();

        awaitProcessed(accepted);

        assertExactlyOnce(accepted);
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
        Set<String> accepted = send("KP", 20, List.of(nodes.get(0)));

        awaitProcessed(accepted);

        assertExactlyOnce(accepted);
        List<BusRecords.Parked> parked = nodes.get(0).getBean(BusRecords.class).parked();
        assertThat(parked).filteredOn(p -> "poison".equals(p.key())).hasSize(4).allSatisfy(p -> assertThat(p.reason())
                .isEqualTo("not an archived message's id"));
    }

    @Test
    void theSameInterchangeResentIsAcknowledgedAgainButDecidedOnce() {
        String interchange = interchange("KR", 1);
        var first = intake(nodes.get(0)).edi(bytes(interchange), "test", null, PartnerScope.everyone(), null, "r1");
        var again = intake(nodes.get(1)).edi(bytes(interchange), "test", null, PartnerScope.everyone(), null, "r2");
        Set<String> both = Set.of(id(first), id(again));

        awaitProcessed(both);

        assertThat(db.sql("select status from message where id = :id::uuid")
                        .param("id", id(again))
                        .query(String.class)
                        .single())
                .isEqualTo("DUPLICATE");
        assertThat(db.sql("select count(*) from event where message_id = any (:ids::uuid[])")
                        .param("ids", both.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Sends {@code count} 855s with control numbers under {@code prefix}, round robin over the nodes' intakes. */
    private Set<String> send(String prefix, int count, List<ConfigurableApplicationContext> to) {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < count; i++) {
            ConfigurableApplicationContext node = to.get(i % to.size());
            if (!node.isActive()) {
                node = nodes.get(0);
            }
            Received received = intake(node)
                    .edi(bytes(interchange(prefix, i)), "test", null, PartnerScope.everyone(), null, prefix + i);
            accepted.add(id(received));
        }
        return accepted;
    }

    private void awaitProcessed(Set<String> ids) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        db.sql("select count(*) from message where id = any (:ids::uuid[]) and status <> 'RECEIVED'")
                                        .param("ids", ids.toArray(String[]::new))
                                        .query(Long.class)
                                        .single()
                                == ids.size());
    }

    /** Lost = 0: every message processed; duplicated = 0: one 997 and one event per message. */
    private void assertExactlyOnce(Set<String> ids) {
        String[] array = ids.toArray(String[]::new);
        assertThat(db.sql("select count(*) from message where id = any (:ids::uuid[]) and status = 'PROCESSED'")
                        .param("ids", array)
                        .query(Long.class)
                        .single())
                .as("processed")
                .isEqualTo(ids.size());
        assertThat(db.sql(
                                """
                                select count(*) from message where direction = 'OUTBOUND' and document_type = '997'
                                   and related_message_id = any (:ids::uuid[])""")
                        .param("ids", array)
                        .query(Long.class)
                        .single())
                .as("997s")
                .isEqualTo(ids.size());
        assertThat(db.sql("select count(*) from event where message_id = any (:ids::uuid[])")
                        .param("ids", array)
                        .query(Long.class)
                        .single())
                .as("events")
                .isEqualTo(ids.size());
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

    private static Intake intake(ConfigurableApplicationContext node) {
        return node.getBean(Intake.class);
    }

    private static String id(Received received) {
        assertThat(received).isInstanceOf(Received.Accepted.class);
        return ((Received.Accepted) received).messageId().toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String interchange(String prefix, int n) {
        int base = List.of("KA", "KC", "KP", "KR").indexOf(prefix) + 1;
        String control = String.format("%09d", 700_000_000 + base * 1_000_000 + n);
        return PipelineGatewayIT.x12(
                "ZZ",
                "ACMESUPPLY",
                "PR",
                control,
                "855",
                "BAK*00*AC*4500012345*20261127",
                "PO1*1*500*EA*2.50**BP*WID-100",
                "ACK*IA*500*EA*068*20261217");
    }
}
