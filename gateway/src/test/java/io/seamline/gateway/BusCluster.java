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

    /**
     * A gateway node (demo profile) on the given PostgreSQL and, with {@code brokers}, on the Kafka bus (else the
     * local one); messages left RECEIVED are swept back within seconds.
     */
    static ConfigurableApplicationContext node(
            Path dataDir, String jdbcUrl, String user, String password, String brokers) {
        var args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--seamline.data-dir=" + dataDir,
                // the nodes of a cluster share their raw bytes (a folder here, S3 in the compose topology's stead)
                "--seamline.blobs.dir=" + dataDir.toAbsolutePath().getParent().resolve("shared-blobs"),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--seamline.pipeline.sweep-period=1s",
                "--seamline.pipeline.sweep-age=3s",
                "--seamline.delivery.poll=200ms"));
        if (brokers != null) {
            args.addAll(List.of(
                    "--seamline.bus.mode=kafka", "--seamline.bus.brokers=" + brokers, "--seamline.bus.partitions=4"));
        }
        return new SpringApplicationBuilder(Seamline.class).profiles("demo").run(args.toArray(String[]::new));
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

    /**
     * Sends {@code count} 855s as a partner does when the gateway fails to answer: each again until it is accepted.
     * Returns the interchanges' control numbers.
     */
    Set<String> sendUntilAccepted(String prefix, int count, List<ConfigurableApplicationContext> to)
            throws InterruptedException {
        Set<String> controls = ConcurrentHashMap.newKeySet();
        // four partners' senders at once: the intake runs ahead of the pipeline, so a backlog is waiting
        var senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var sends = new java.util.ArrayList<java.util.concurrent.Callable<Object>>();
            for (int i = 0; i < count; i++) {
                ConfigurableApplicationContext node = to.get(i % to.size());
                String interchange = interchange(prefix, i);
                String name = prefix + i;
                String control = control(prefix, i);
                sends.add(() -> {
                    await().atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(100))
                            .ignoreExceptions()
                            .until(() -> intake(node)
                                            .edi(bytes(interchange), "test", null, PartnerScope.everyone(), null, name)
                                    instanceof Received.Accepted);
                    return controls.add(control);
                });
            }
            for (var sent : senders.invokeAll(sends)) {
                try {
                    sent.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("a send was never accepted", e.getCause());
                }
            }
        } finally {
            senders.shutdown();
        }
        return controls;
    }

    /**
     * Holds the pipeline mid-burst however fast it runs: once some of these interchanges are processed, a lock on the
     * event table (which every processing transaction writes and the intake does not), taken on a connection of its
     * own, stops processing until others are waiting for it. The hold lasts until that connection ends: closed, or
     * the database stopping under it.
     */
    java.sql.Connection holdMidBurst(String prefix, int count, javax.sql.DataSource database)
            throws java.sql.SQLException {
        String[] controls = controls(prefix, count);
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> inStatus("PROCESSED", controls) >= 20);
        java.sql.Connection hold = database.getConnection();
        hold.setAutoCommit(false);
        try (var lock = hold.createStatement()) {
            lock.execute("lock table event in exclusive mode");
        }
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> inStatus("RECEIVED", controls) >= 5);
        return hold;
    }

    private static String[] controls(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> control(prefix, i))
                .toArray(String[]::new);
    }

    private long inStatus(String status, String[] controls) {
        return count(
                "select count(*) from message where status = '" + status + "' and interchange_control = any (:c)",
                controls);
    }

    /**
     * Waits until every copy of these interchanges has ended, then checks each was decided once: one copy PROCESSED
     * (a copy a resend archived again is a DUPLICATE), one event, one 997, none FAILED.
     */
    void assertEachInterchangeOnce(Set<String> controls) {
        String[] array = controls.toArray(String[]::new);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count(
                                "select count(*) from message where direction = 'INBOUND' and status = 'RECEIVED'"
                                        + " and (interchange_control is null or interchange_control = any (:c))",
                                array)
                        == 0);
        assertThat(count(
                        "select count(*) from message where direction = 'INBOUND' and status = 'PROCESSED'"
                                + " and interchange_control = any (:c)",
                        array))
                .as(() -> "processed; the copies of interchanges without a PROCESSED one: "
                        + db.sql(
                                        """
                                select interchange_control || ' ' || status || ' ' || coalesce(status_reason, '')
                                  from message m where interchange_control = any (:c) and not exists (
                                    select 1 from message p where p.interchange_control = m.interchange_control
                                       and p.status = 'PROCESSED')""")
                                .param("c", array)
                                .query(String.class)
                                .list())
                .isEqualTo(controls.size());
        assertThat(count(
                        "select count(*) from message where direction = 'INBOUND' and status = 'FAILED'"
                                + " and interchange_control = any (:c)",
                        array))
                .as("failed")
                .isZero();
        assertThat(count(
                        "select count(*) from event e join message m on m.id = e.message_id"
                                + " where m.interchange_control = any (:c)",
                        array))
                .as("events")
                .isEqualTo(controls.size());
        assertThat(count(
                        "select count(*) from message a join message m on m.id = a.related_message_id"
                                + " where a.document_type = '997' and m.interchange_control = any (:c)",
                        array))
                .as("997s")
                .isEqualTo(controls.size());
    }

    private long count(String sql, String[] controls) {
        return db.sql(sql).param("c", controls).query(Long.class).single();
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

    static String control(String prefix, int n) {
        int base = Math.floorMod(prefix.hashCode(), 90) + 1;
        return String.format("%09d", 700_000_000 + base * 1_000_000 + n);
    }

    static String interchange(String prefix, int n) {
        String control = control(prefix, n);
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
