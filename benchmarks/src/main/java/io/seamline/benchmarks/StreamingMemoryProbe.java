package io.seamline.benchmarks;

import io.seamline.mappings.edi.EdiEngine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live heap while streaming the 50 MB 856: every 1000 sets a full GC, then the heap in use is what the reader
 * really holds. Run under {@code -Xmx256m}:
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.seamline.benchmarks.StreamingMemoryProbe}.
 */
public final class StreamingMemoryProbe {

    private StreamingMemoryProbe() {}

    public static void main(String[] args) throws IOException {
        Path file = LargeShipNotice.create(LargeFileBenchmark.TARGET_BYTES);
        double megabytes = Files.size(file) / (1024.0 * 1024.0);
        System.out.printf(
                "input: %.1f MB, max heap %d MB%n",
                megabytes, Runtime.getRuntime().maxMemory() >> 20);
        report("StAEDI alone", file, megabytes, true);
        report("Seamline translate", file, megabytes, false);
    }

    private static void report(String what, Path file, double megabytes, boolean staedi) throws IOException {
        var peak = new AtomicLong();
        var count = new AtomicLong();
        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            java.util.function.Consumer<Object> sink = o -> {
                if (o instanceof String s && s.startsWith("{") && count.incrementAndGet() % 1000 == 0) {
                    long live = liveHeap();
                    peak.accumulateAndGet(live, Math::max);
                    if (count.get() % 8000 == 0) {
                        System.out.printf(
                                "  after %d sets: live heap %.1f MB%n", count.get(), live / (1024.0 * 1024.0));
                    }
                }
            };
            if (staedi) {
                Readers.staediAlone(in, o -> {
                    if (count.incrementAndGet() % 200_000 == 0) {
                        peak.accumulateAndGet(liveHeap(), Math::max);
                    }
                });
            } else {
                Readers.translate(new EdiEngine(64L * 1024 * 1024), in, sink);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%-20s %.1f s (%.1f MB/s with the GCs of the probe), live heap at most %.1f MB%n",
                what, seconds, megabytes / seconds, peak.get() / (1024.0 * 1024.0));
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
