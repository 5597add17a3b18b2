package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamline.model.partner.PartnerScope;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gateway nodes on the Kafka bus sharing one database, as the tests of several nodes start them; and the counts of
 * lost and duplicated work, taken from that database.
 */
final class BusCluster {

    private final JdbcClient db;
    private final ConfigurableApplicationContext fallback;

    BusCluster(JdbcClient db, ConfigurableApplicationContext fallback) {
        this.db = db;
        this.fallback = fallback;
    }

    /** A gateway node (demo profile) on the given PostgreSQL and Kafka. */
    static ConfigurableApplicationContext node(
            Path dataDir, String jdbcUrl, String user, String password, String brokers) {
        return new SpringApplicationBuilder(Seamline.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--seamline.data-dir=" + dataDir,
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--seamline.bus.mode=kafka",
                        "--seamline.bus.brokers=" + brokers,
                        "--seamline.bus.partitions=4",
                        "--seamline.delivery.poll=200ms");
    }

    /** Sends {@code count} 855s with control numbers under {@code prefix}, round robin over the nodes' intakes. */
    Set<String> send(String prefix, int count, List<ConfigurableApplicationContext> to) {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        send(prefix, count, to, accepted);
        return accepted;
    }

    /** The same, adding each accepted message's id to {@code accepted} as it goes. */
    void send(String prefix, int count, List<ConfigurableApplicationContext> to, Set<String> accepted) {
        for (int i = 0; i < count; i++) {
            ConfigurableApplicationContext node = to.get(i % to.size());
            if (!node.isActive()) {
                node = fallback;
            }
            Received received = intake(node)
                    .edi(bytes(interchange(prefix, i)), "test", null, PartnerScope.everyone(), null, prefix + i);
            accepted.add(id(received));
        }
    }

    void awaitProcessed(Set<String> ids) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> processed(ids) == ids.size());
    }

    /** How many of these messages are no longer RECEIVED. */
    long processed(Set<String> ids) {
        return db.sql("select count(*) from message where id = any (:ids::uuid[]) and status <> 'RECEIVED'")
                .param("ids", ids.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** Lost = 0: every message processed; duplicated = 0: one 997 and one event per message. */
    void assertExactlyOnce(Set<String> ids) {
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

    static Intake intake(ConfigurableApplicationContext node) {
        return node.getBean(Intake.class);
    }

    static String id(Received received) {
        assertThat(received).isInstanceOf(Received.Accepted.class);
        return ((Received.Accepted) received).messageId().toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static String interchange(String prefix, int n) {
        int base = Math.floorMod(prefix.hashCode(), 90) + 1;
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
