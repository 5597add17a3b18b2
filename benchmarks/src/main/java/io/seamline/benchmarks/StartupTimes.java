package io.seamline.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the gateway takes to be up, on embedded defaults, the three ways it can be run, in one run and in turns
 * (so that a busy minute of the machine spreads over all three): the fat jar as built ({@code java -jar
 * gateway/target/seamline.jar}, the baseline), the same jar extracted (plain jars on the class path), and extracted
 * with the class data sharing archive the build writes. For each: a first start (a new data folder: the database
 * cluster is created) and a restart (the same folder again). The time is the gateway's own "Seamline is up in" (JVM
 * start to ready); the process is stopped once it is up.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.seamline.benchmarks.StartupTimes gateway/target 5</pre>
 */
public final class StartupTimes {

    private static final Pattern UP = Pattern.compile("Seamline is up in ([0-9.]+) s");

    private StartupTimes() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "gateway/target");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var ways = new LinkedHashMap<String, List<String>>();
        ways.put(
                "fat jar (baseline)",
                List.of(java, "-jar", target.resolve("seamline.jar").toString()));
        ways.put(
                "extracted",
                List.of(java, "-jar", target.resolve("seamline/seamline.jar").toString()));
        ways.put(
                "extracted + CDS",
                List.of(
                        java,
                        "-XX:SharedArchiveFile=" + target.resolve("seamline/seamline.jsa"),
                        "-jar",
                        target.resolve("seamline/seamline.jar").toString()));
        var first = new LinkedHashMap<String, List<Double>>();
        var restart = new LinkedHashMap<String, List<Double>>();
        for (int round = 0; round < rounds; round++) {
            for (var way : ways.entrySet()) {
                Path data = Files.createTempDirectory("seamline-startup");
                try {
                    first.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(upIn(way.getValue(), data));
                    restart.computeIfAbsent(way.getKey(), k -> new ArrayList<>())
                            .add(upIn(way.getValue(), data));
                } finally {
                    delete(data);
                }
            }
        }
        System.out.printf("%-20s %18s %18s%n", "way", "first start (s)", "restart (s)");
        for (String way : ways.keySet()) {
            System.out.printf("%-20s %18s %18s%n", way, summary(first.get(way)), summary(restart.get(way)));
        }
    }

    /** Starts the gateway on {@code data}, waits for it to be up, stops it; seconds to up as it says. */
    private static double upIn(List<String> command, Path data) throws IOException, InterruptedException {
        var full = new ArrayList<>(command);
        full.add("--seamline.data-dir=" + data);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher up = UP.matcher(line);
                if (up.find()) {
                    return Double.parseDouble(up.group(1));
                }
            }
            throw new IllegalStateException("the gateway ended without being up: " + full);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Median, and the range. */
    private static String summary(List<Double> seconds) {
        var sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("%.1f (%.1f–%.1f)", median, sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
