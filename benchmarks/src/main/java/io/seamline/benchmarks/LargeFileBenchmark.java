package io.seamline.benchmarks;

import io.seamline.mappings.edi.EdiEngine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A ~50 MB interchange of 856s streamed from disk under {@code -Xmx256m}: StAEDI alone and Seamline's translation.
 * MB/s = 50 / seconds per operation. Live heap is measured separately by {@link StreamingMemoryProbe}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m"})
public class LargeFileBenchmark {

    static final long TARGET_BYTES = 50L * 1024 * 1024;

    private Path file;
    private final EdiEngine engine = new EdiEngine(64L * 1024 * 1024);

    @Setup
    public void create() {
        file = LargeShipNotice.create(TARGET_BYTES);
    }

    @Benchmark
    public int staediAlone(Blackhole bh) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            return Readers.staediAlone(in, bh::consume);
        }
    }

    @Benchmark
    public int translate(Blackhole bh) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Readers.translate(engine, in, bh::consume);
        }
    }
}
