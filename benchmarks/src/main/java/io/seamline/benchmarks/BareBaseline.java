package io.seamline.benchmarks;

import io.seamline.mappings.edi.EdiEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit the pipeline is compared with: per message, archive the raw bytes, parse them with the EDI engine
 * into canonical events (JSON), insert the events, and commit — one durable commit per message (fsync and synchronous
 * commit on), plain JDBC, no framework, no correlation or decisions, no acknowledgement. The same documents as
 * {@link PipelineLoad}. Runs its own embedded PostgreSQL (the gateway's binaries and durability settings) unless
 * {@code --jdbc} names one.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.seamline.benchmarks.BareBaseline --threads 2 --seconds 30</pre>
 */
public final class BareBaseline {

    private BareBaseline() {}

    public static void main(String[] args) throws Exception {
        var options = PipelineLoad.options(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        EmbeddedPostgres postgres = null;
        String jdbc = options.get("jdbc");
        if (jdbc == null) {
            Path dir = Files.createTempDirectory("bare-baseline");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            jdbc = postgres.getJdbcUrl("postgres", "postgres");
        }
        try (Connection setup = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            setup.createStatement()
                    .execute(
                            """
                            drop table if exists bare_event, bare_message;
                            create table bare_message (id uuid primary key, received_at timestamptz not null,
                                sha256 text not null, content bytea not null);
                            create table bare_event (id uuid primary key, message_id uuid not null references bare_message,
                                event jsonb not null)""");
        }
        List<byte[]> docs = Mix.load(List.of("x12-855.edi", "x12-856.edi", "x12-810.edi", "x12-214.edi"));
        EdiEngine engine = EdiEngine.withDefaults();
        // warm-up, then the measured run
        run(jdbc, engine, docs, threads, 5);
        Result result = run(jdbc, engine, docs, threads, seconds);
        System.out.printf(
                "bare baseline, %d threads, %d s: %d messages, %.0f messages/s; latency p50 %.1f ms, p99 %.1f ms%n",
                threads, seconds, result.count, result.count / (double) seconds, result.p50, result.p99);
        if (postgres != null) {
            postgres.close();
        }
    }

    private record Result(long count, double p50, double p99) {}

    private static Result run(String jdbc, EdiEngine engine, List<byte[]> docs, int threads, int seconds)
            throws Exception {
        var stop = new AtomicBoolean();
        var count = new AtomicLong();
        var latencies = new ArrayList<double[]>();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            double[] mine = new double[2_000_000];
            latencies.add(mine);
            int seed = t;
            String url = jdbc;
            Thread worker = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
                    db.setAutoCommit(false);
                    PreparedStatement archive = db.prepareStatement("insert into bare_message values (?, now(), ?, ?)");
                    PreparedStatement event =
                            db.prepareStatement("insert into bare_event values (?, ?, cast(? as jsonb))");
                    int n = 0;
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        byte[] doc = docs.get((seed + n) % docs.size());
                        UUID id = UUID.randomUUID();
                        archive.setObject(1, id);
                        archive.setString(2, sha256(doc));
                        archive.setBytes(3, doc);
                        archive.executeUpdate();
                        var events = new ArrayList<String>();
                        Readers.translate(engine, new ByteArrayInputStream(doc), json -> {
                            if (json instanceof String text) {
                                events.add(text);
                            }
                        });
                        for (String json : events) {
                            event.setObject(1, UUID.randomUUID());
                            event.setObject(2, id);
                            event.setString(3, json);
                            event.addBatch();
                        }
                        event.executeBatch();
                        db.commit();
                        if (n < mine.length) {
                            mine[n] = (System.nanoTime() - start) / 1e6;
                        }
                        n++;
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double[] all = latencies.stream()
                .flatMapToDouble(a -> Arrays.stream(a).filter(v -> v > 0))
                .sorted()
                .toArray();
        return new Result(
                count.get(), all[(int) (all.length * 0.5)], all[Math.min(all.length - 1, (int) (all.length * 0.99))]);
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
