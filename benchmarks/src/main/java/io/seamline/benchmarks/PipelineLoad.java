package io.seamline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end load: posts a supplier's and a carrier's documents as X12 interchanges over HTTP to running
 * gateways (one node or several, round robin), at a fixed offered rate (open loop: a slow gateway does not slow the
 * sender until {@code inflight} requests wait), then reads the outcome from the database the gateways share: every
 * accepted message processed, each with one 997, the time from receipt (archived) to its 997 archived and to its 997
 * delivered, the deliveries still waiting at the end (a growing backlog is an outbox that cannot keep up), and the
 * gateways' heap and CPU sampled from their Prometheus endpoints while the load ran.
 *
 * <p>The mix per purchase order, in this order and spread over the run: an 855 (15 lines), an 856 (20 items), an 810
 * (20 lines) from acme-supply, and a 214 (5 statuses) from the carrier; the POs (20 lines) are imported first through
 * the ERP API, so the documents correlate, and most are decided without a person.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.seamline.benchmarks.PipelineLoad \
 *   --base http://localhost:8080 --jdbc jdbc:postgresql://localhost:5544/seamline --rate 1500 --seconds 60
 * </pre>
 */
public final class PipelineLoad {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String TEMPLATE_PO = "4500012345";

    private final List<String> bases;
    private final String jdbc;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "load-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();
    private final List<String> templates;

    private PipelineLoad(List<String> bases, String jdbc) {
        this.bases = bases;
        this.jdbc = jdbc;
        this.templates = Mix.load(List.of("x12-855.edi", "x12-856.edi", "x12-810.edi", "x12-214.edi")).stream()
                .map(b -> asOrdered(new String(b, StandardCharsets.US_ASCII)))
                .toList();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        var load = new PipelineLoad(
                List.of(options.getOrDefault("base", "http://localhost:8080").split(",")),
                options.getOrDefault("jdbc", "jdbc:postgresql://localhost:5544/seamline"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int orders = Integer.parseInt(options.getOrDefault("orders", "1000"));
        int inflight = Integer.parseInt(options.getOrDefault("inflight", "256"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String prefix = load.seed(orders);
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s%n", warmup, Math.max(1, rate / 2));
            load.run(prefix, orders, Math.max(1, rate / 2), warmup, inflight, 0).report(load);
        }
        System.out.printf("measured: %d s at %d/s%n", seconds, rate);
        load.run(prefix, orders, rate, seconds, inflight, 1_000_000).report(load);
    }

    /**
     * The 856 and 810 of the mix ship and bill 10 × the line number of each item; here they ship and bill what the
     * imported POs order (100 + the line number), as most documents do, so the run measures documents processed
     * inside the agreed tolerances rather than a person's task per line.
     */
    static String asOrdered(String doc) {
        if (doc.contains("ST*856*")) {
            return ordered(doc, "LIN\\*(\\d+)\\*([^~]*~\\s*SN1\\*\\*)\\d+\\*");
        }
        if (doc.contains("ST*810*")) {
            return ordered(doc, "IT1\\*(\\d+)\\*()\\d+\\*");
        }
        return doc;
    }

    /** Puts 100 + the line number (group 1) after group 2 of each match, in place of the quantity matched. */
    private static String ordered(String doc, String quantity) {
        var result = new StringBuilder();
        var matcher = java.util.regex.Pattern.compile(quantity).matcher(doc);
        while (matcher.find()) {
            int line = Integer.parseInt(matcher.group(1));
            String head = matcher.group(0).substring(0, matcher.end(2) - matcher.start());
            matcher.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(head + (100 + line) + "*"));
        }
        return matcher.appendTail(result).toString();
    }

    /** Imports {@code orders} POs of 20 lines for acme-supply through the ERP API; returns their number prefix. */
    private String seed(int orders) throws Exception {
        String prefix = "47" + String.format("%04d", (int) (System.currentTimeMillis() % 10_000));
        LocalDate today = LocalDate.now();
        for (int chunk = 0; chunk < orders; chunk += 100) {
            var body = new StringBuilder("[");
            for (int i = chunk; i < Math.min(orders, chunk + 100); i++) {
                body.append(i == chunk ? "" : ",")
                        .append(
                                "{\"poNumber\": \"%s%04d\", \"partnerId\": \"acme-supply\", \"currency\": \"USD\", \"orderDate\": \"%s\", \"lines\": ["
                                        .formatted(prefix, i, today));
                for (int line = 1; line <= 20; line++) {
                    body.append(line == 1 ? "" : ",")
                            .append(
                                    "{\"lineNumber\": \"%d\", \"itemId\": \"WID-%03d\", \"partnerItemId\": \"AC-W%03d\", \"quantity\": %d, \"unit\": \"EA\", \"unitPrice\": %d.50, \"needByDate\": \"2026-12-%02d\"}"
                                            .formatted(line, line, line, 100 + line, line, Math.min(31, 10 + line)));
                }
                body.append("]}");
            }
            var response = http.send(
                    request(bases.get(0) + "/api/v1/erp/purchase-orders", "erp:erp")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    body.append("]").toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PO import: " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("imported %d POs of 20 lines (prefix %s)%n", orders, prefix);
        return prefix;
    }

    /** Document {@code n} of a run: PO {@code n % orders}, kind by round (855, 856, 810, 214), unique numbers. */
    private String document(String prefix, int orders, long n, long numberBase) {
        int kind = (int) ((n / orders) % 4);
        String po = prefix + String.format("%04d", n % orders);
        long number = numberBase + n;
        String control = String.format("%09d", number % 1_000_000_000L);
        String doc = templates.get(kind);
        doc = doc.replace(TEMPLATE_PO, po);
        doc = replaceIsaControl(doc, control);
        doc = doc.replaceFirst(
                "(GS\\*[A-Z]{2}\\*[^*]+\\*[^*]+\\*\\d+\\*\\d+\\*)\\d+", "$1" + (number % 1_000_000_000L));
        doc = doc.replaceFirst("(GE\\*\\d+\\*)\\d+", "$1" + (number % 1_000_000_000L));
        // each PO ships as its own shipment (the 856's BSN02), which the carrier's 214 reports on
        doc = doc.replace("ASN-77001", "ASN-" + po)
                .replace("SH-1001", "ASN-" + po)
                .replace("PRO-5521907", "PRO-" + po)
                .replace("BOL-884120", "BOL-" + po)
                .replace("889102", po.substring(4))
                .replace("INV-20931", "INV-" + number);
        return doc;
    }

    private static String replaceIsaControl(String doc, String control) {
        // ISA13 is the 13th element; IEA02 repeats it
        String[] isa = doc.substring(0, doc.indexOf('~')).split("\\*", -1);
        isa[13] = control;
        String rest = doc.substring(doc.indexOf('~'));
        rest = rest.replaceFirst("IEA\\*(\\d+)\\*\\d+", "IEA*$1*" + control);
        return String.join("*", isa) + rest;
    }

    private Result run(String prefix, int orders, int rate, int seconds, int inflight, long offset) throws Exception {
        Instant started = Instant.now();
        long numberBase = (started.getEpochSecond() % 100_000) * 1_000 + offset;
        long total = (long) rate * seconds;
        var permits = new Semaphore(inflight);
        var accepted = ConcurrentHashMap.<String>newKeySet();
        var refused = new AtomicLong();
        var failed = new AtomicLong();
        // written before the clock starts, so the generator's own work stays out of the measured run
        var docs = new byte[Math.toIntExact(total)][];
        for (int n = 0; n < total; n++) {
            docs[n] = document(prefix, orders, n, numberBase).getBytes(StandardCharsets.US_ASCII);
        }
        var sampler = new Sampler(bases);
        sampler.start();
        MachineCpu cpuBefore = MachineCpu.read();
        long startNanos = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = startNanos + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            permits.acquire();
            http.sendAsync(
                            request(bases.get(n % bases.size()) + "/api/v1/edi", "ops:ops")
                                    .header("Content-Type", "application/edi-x12")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(docs[n]))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error != null) {
                            failed.incrementAndGet();
                        } else if (response.statusCode() == 202) {
                            Matcher id = MESSAGE_ID.matcher(response.body());
                            if (id.find()) {
                                accepted.add(id.group(1));
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    });
        }
        permits.acquire(inflight);
        permits.release(inflight);
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                "intake: %d accepted in %.1f s (%.0f/s), %d refused, %d failed%n",
                accepted.size(), sendSeconds, accepted.size() / sendSeconds, refused.get(), failed.get());
        awaitProcessed(accepted, Duration.ofMinutes(Long.parseLong(System.getProperty("await.minutes", "10"))));
        String cpu = MachineCpu.read().since(cpuBefore, accepted.size(), (System.nanoTime() - startNanos) / 1e9);
        sampler.stop();
        return new Result(total, accepted, refused.get(), failed.get(), sendSeconds, started, sampler, cpu);
    }

    private void awaitProcessed(Set<String> accepted, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            while (System.nanoTime() < deadline) {
                // the inbound messages still RECEIVED, from their small table (V21): counting them in message read
                // the whole table five times a second, PostgreSQL CPU this tool added to the gateway's
                try (ResultSet rs = db.createStatement().executeQuery("select count(*) from message_waiting")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    private record Result(
            long offered,
            Set<String> accepted,
            long refused,
            long failed,
            double sendSeconds,
            Instant started,
            Sampler sampler,
            String cpu) {

        void report(PipelineLoad load) throws Exception {
            try (Connection db = DriverManager.getConnection(load.jdbc, "postgres", "postgres")) {
                var ids = new ArrayList<>(accepted);
                long processed = 0;
                long acknowledged = 0;
                var latencies = new ArrayList<Double>();
                var deliveredLatencies = new ArrayList<Double>();
                Instant first = null;
                Instant last = null;
                var query = db.prepareStatement(
                        """
                        select m.id::text, m.status, m.received_at, a.received_at,
                               (select min(o.delivered_at) from outbox_now o where o.message_id = m.ack_message_id)
                          from message m left join message a on a.id = m.ack_message_id
                         where m.id = any (?::uuid[])""");
                for (int from = 0; from < ids.size(); from += 5_000) {
                    query.setArray(
                            1,
                            db.createArrayOf(
                                    "text",
                                    ids.subList(from, Math.min(ids.size(), from + 5_000))
                                            .toArray()));
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            if (!"RECEIVED".equals(rs.getString(2))) {
                                processed++;
                            }
                            Timestamp received = rs.getTimestamp(3);
                            Timestamp ack = rs.getTimestamp(4);
                            first = first == null || received.toInstant().isBefore(first)
                                    ? received.toInstant()
                                    : first;
                            if (ack != null) {
                                acknowledged++;
                                latencies.add(Duration.between(received.toInstant(), ack.toInstant())
                                                .toNanos()
                                        / 1e6);
                                last = last == null || ack.toInstant().isAfter(last) ? ack.toInstant() : last;
                                Timestamp delivered = rs.getTimestamp(5);
                                if (delivered != null) {
                                    deliveredLatencies.add(Duration.between(received.toInstant(), delivered.toInstant())
                                                    .toNanos()
                                            / 1e6);
                                }
                            }
                        }
                    }
                }
                long duplicated;
                try (var dup = db.prepareStatement(
                        """
                        select count(*) from (select related_message_id from message
                          where direction = 'OUTBOUND' and document_type = '997' and received_at >= ?
                          group by related_message_id having count(*) > 1) d""")) {
                    dup.setTimestamp(1, Timestamp.from(started));
                    try (ResultSet rs = dup.executeQuery()) {
                        rs.next();
                        duplicated = rs.getLong(1);
                    }
                }
                long pending;
                double oldestPending;
                try (ResultSet rs = db.createStatement()
                        .executeQuery(
                                """
                                select count(*), coalesce(extract(epoch from now() - min(o.created_at)), 0)
                                  from outbox_open w join outbox o on o.id = w.delivery_id
                                 where w.status = 'PENDING'""")) {
                    rs.next();
                    pending = rs.getLong(1);
                    oldestPending = rs.getDouble(2);
                }
                latencies.sort(Double::compare);
                deliveredLatencies.sort(Double::compare);
                double seconds = first == null || last == null
                        ? 0
                        : Duration.between(first, last).toMillis() / 1e3;
                System.out.printf(
                        "offered %d in %.1f s (%.0f/s); accepted %d, refused %d, failed %d%n",
                        offered, sendSeconds, offered / sendSeconds, accepted.size(), refused, failed);
                System.out.printf(
                        "processed %d, with 997 %d, lost %d, duplicated 997s %d%n",
                        processed, acknowledged, accepted.size() - processed, duplicated);
                System.out.printf(
                        "throughput %.0f documents/s (first receipt to last 997: %.1f s)%n",
                        seconds == 0 ? 0 : acknowledged / seconds, seconds);
                if (!latencies.isEmpty()) {
                    System.out.printf(
                            "receipt to 997 archived: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                            at(latencies, 0.50),
                            at(latencies, 0.90),
                            at(latencies, 0.99),
                            latencies.get(latencies.size() - 1));
                }
                if (!deliveredLatencies.isEmpty()) {
                    System.out.printf(
                            "receipt to 997 delivered: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms"
                                    + " (%d of %d 997s delivered so far)%n",
                            at(deliveredLatencies, 0.50),
                            at(deliveredLatencies, 0.90),
                            at(deliveredLatencies, 0.99),
                            deliveredLatencies.get(deliveredLatencies.size() - 1),
                            deliveredLatencies.size(),
                            acknowledged);
                }
                // the outbox keeps up when nothing waits long: a backlog that grows with the run is a delivery cap
                System.out.printf(
                        "deliveries waiting at the end: %d (the oldest for %.0f s)%n", pending, oldestPending);
                sampler.print();
                System.out.println(cpu);
            }
        }

        private static double at(List<Double> sorted, double quantile) {
            return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile)));
        }
    }

    /** Heap in use and process CPU of each gateway, read from its Prometheus endpoint once a second. */
    private static final class Sampler {

        private static final Pattern HEAP =
                Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)", Pattern.MULTILINE);
        private static final Pattern CPU = Pattern.compile("^process_cpu_usage\\{[^}]*} (\\S+)", Pattern.MULTILINE);

        private final List<String> bases;
        private final HttpClient http = HttpClient.newHttpClient();
        private final List<double[]> samples = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        Sampler(List<String> bases) {
            this.bases = bases;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    double heap = 0;
                    double cpu = 0;
                    for (String base : bases) {
                        try {
                            String text = http.send(
                                            request(base + "/actuator/prometheus", "ops:ops")
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body();
                            Matcher h = HEAP.matcher(text);
                            while (h.find()) {
                                heap += Double.parseDouble(h.group(1));
                            }
                            Matcher c = CPU.matcher(text);
                            if (c.find()) {
                                cpu += Double.parseDouble(c.group(1));
                            }
                        } catch (Exception e) {
                            // a node that does not answer is not sampled
                        }
                    }
                    synchronized (samples) {
                        samples.add(new double[] {heap, cpu});
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        void print() {
            synchronized (samples) {
                double maxHeap = samples.stream().mapToDouble(s -> s[0]).max().orElse(0);
                double meanCpu =
                        samples.stream().mapToDouble(s -> s[1]).average().orElse(0);
                System.out.printf(
                        "gateway heap in use at most %.0f MB; gateway CPU %.0f%% of the machine on average%n",
                        maxHeap / 1e6, meanCpu * 100);
            }
        }
    }

    private static HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        var options = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
