package io.seamline.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * How fast the portal serves its longest lists: a load script against a running gateway (demo profile). It seeds 500
 * purchase orders for one supplier and 500 open tasks (a commitment outside the tolerance on each), signs in as ops
 * and as the supplier, and times the pages that list them, page by page over loopback (so each figure is the
 * server's time plus a loopback round trip).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.seamline.benchmarks.PortalPagesLoad http://localhost:8080 200</pre>
 */
public final class PortalPagesLoad {

    private static final int ORDERS = 500;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient api = HttpClient.newHttpClient();

    private PortalPagesLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        var load = new PortalPagesLoad(base);
        String prefix = load.seed();
        HttpClient ops = load.signIn("ops", "ops");
        HttpClient supplier = load.signIn("acme", "acme");
        System.out.printf("page | rows | bytes | p50 ms | p95 ms | p99 ms | max ms%n");
        load.time("ops: POs of one supplier (500)", ops, "/portal/orders?partnerId=acme-supply&q=" + prefix, rounds);
        load.time("supplier: its POs (500)", supplier, "/portal/orders?q=" + prefix, rounds);
        load.time("ops: open tasks (500)", ops, "/portal/ops/tasks?kind=COMMITMENT_CHANGE", rounds);
        load.time("ops: SLA dashboard", ops, "/portal/ops/sla", rounds);
    }

    /** 500 POs of three lines for acme-supply, and a slip beyond its tolerance on each: 500 open tasks. */
    private String seed() throws Exception {
        String prefix = "46" + String.format("%04d", (int) (System.currentTimeMillis() % 10_000));
        LocalDate today = LocalDate.now();
        for (int chunk = 0; chunk < ORDERS; chunk += 100) {
            var body = new StringBuilder("[");
            for (int i = chunk; i < chunk + 100; i++) {
                body.append(i == chunk ? "" : ",")
                        .append(
                                """
                                {"poNumber": "%s%04d", "partnerId": "acme-supply", "currency": "USD", "orderDate": "%s",
                                 "lines": [
                                  {"lineNumber": "1", "itemId": "WID-100", "quantity": 500, "unit": "EA", "unitPrice": 2.5, "needByDate": "%s"},
                                  {"lineNumber": "2", "itemId": "WID-200", "quantity": 120, "unit": "EA", "unitPrice": 14, "needByDate": "%s"},
                                  {"lineNumber": "3", "itemId": "BRK-310", "quantity": 40, "unit": "EA", "unitPrice": 87.25, "needByDate": "%s"}]}
                                """
                                        .formatted(
                                                prefix,
                                                i,
                                                today,
                                                today.plusDays(20),
                                                today.plusDays(20),
                                                today.plusDays(27)));
            }
            check(
                    post(
                            "/api/v1/erp/purchase-orders",
                            "erp:erp",
                            body.append("]").toString()),
                    200);
        }
        for (int i = 0; i < ORDERS; i++) {
            check(
                    post(
                            "/api/v1/purchase-orders/%s%04d/commitments".formatted(prefix, i),
                            // ops on the supplier's behalf: internal callers are not rate-limited
                            "ops:ops",
                            "{\"lines\": [{\"lineNumber\": \"1\", \"promisedDate\": \"%s\"}]}"
                                    .formatted(today.plusDays(40))),
                    202);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (openTasks() < ORDERS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.printf("seeded %d POs (prefix %s) and %d open tasks%n", ORDERS, prefix, openTasks());
        return prefix;
    }

    private long openTasks() throws Exception {
        var response = api.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks?status=OPEN&kind=COMMITMENT_CHANGE&limit=1"))
                        .header("Authorization", basic("ops:ops"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        return total.find() ? Long.parseLong(total.group(1)) : 0;
    }

    private HttpClient signIn(String user, String password) throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var page = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no sign-in form at " + base + "/portal/login");
        }
        String form = "username=" + user + "&password=" + password + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in");
        }
        return browser;
    }

    private void time(String name, HttpClient browser, String path, int rounds) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .build();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = browser.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (last.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + last.statusCode());
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = browser.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        long rows = Pattern.compile("<tr").matcher(last.body()).results().count();
        System.out.printf(
                "%s | %d | %d | %.1f | %.1f | %.1f | %.1f%n",
                name,
                rows,
                last.body().length(),
                millis[rounds / 2],
                millis[(int) (rounds * 0.95)],
                millis[(int) (rounds * 0.99)],
                millis[rounds - 1]);
    }

    private HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return api.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
