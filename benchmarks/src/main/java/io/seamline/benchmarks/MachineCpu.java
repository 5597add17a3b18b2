package io.seamline.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by the processes a run shares this machine with, read from {@code /proc}: the gateways
 * (command line names {@code seamline.jar}), PostgreSQL (every {@code postgres} process) and this load generator.
 * Two readings apart tell what each side spent on the documents in between. Off Linux, or for processes on other
 * machines, there is nothing to read and the reading is empty.
 */
record MachineCpu(Map<String, Double> seconds) {

    static final String GATEWAY = "gateway";
    static final String POSTGRES = "PostgreSQL";
    static final String LOAD = "load generator";

    private static final double TICKS = 100.0; // USER_HZ on Linux

    static MachineCpu read() {
        var seconds = new LinkedHashMap<String, Double>();
        seconds.put(GATEWAY, 0.0);
        seconds.put(POSTGRES, 0.0);
        seconds.put(LOAD, 0.0);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        String group = group(p, self);
                        if (group != null) {
                            seconds.merge(group, ticks(p) / TICKS, Double::sum);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(Map.of());
        }
        return new MachineCpu(seconds);
    }

    private static String group(Path process, long self) {
        try {
            if (Long.parseLong(process.getFileName().toString()) == self) {
                return LOAD;
            }
            if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                return POSTGRES;
            }
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            return command.contains("seamline.jar") ? GATEWAY : null;
        } catch (IOException | RuntimeException e) {
            return null; // gone in between, or not ours to read
        }
    }

    /** utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command name in parentheses). */
    private static long ticks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** What each side spent between {@code before} and this reading, per document and as a share of the machine. */
    String since(MachineCpu before, long documents, double wallSeconds) {
        if (seconds.isEmpty() || before.seconds.isEmpty() || documents == 0) {
            return "CPU per document: not measured here (no /proc)";
        }
        var text = new StringBuilder("CPU per document:");
        double all = 0;
        int cores = Runtime.getRuntime().availableProcessors();
        for (var side : seconds.entrySet()) {
            double used = side.getValue() - before.seconds.getOrDefault(side.getKey(), 0.0);
            all += used;
            text.append(String.format(
                    " %s %.2f ms (%.0f%% of the machine);",
                    side.getKey(), used * 1000 / documents, 100 * used / wallSeconds / cores));
        }
        return text.append(String.format(" all %.2f ms", all * 1000 / documents))
                .toString();
    }
}
