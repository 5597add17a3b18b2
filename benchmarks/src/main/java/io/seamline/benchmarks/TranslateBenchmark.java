package io.seamline.benchmarks;

import io.seamline.mappings.edi.EdiEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation reads the whole mix of one standard (5 X12 sets, or 4 EDIFACT messages), single-threaded: StAEDI
 * alone, and Seamline's translation of the same bytes. Sets/s = ops/s × sets in the mix; MB/s = ops/s × bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class TranslateBenchmark {

    @Param({"X12", "EDIFACT"})
    public String standard;

    private List<byte[]> docs;
    private final EdiEngine engine = EdiEngine.withDefaults();

    @Setup
    public void load() {
        docs = Mix.load(standard.equals("X12") ? Mix.X12 : Mix.EDIFACT);
    }

    @Benchmark
    public int staediAlone(Blackhole bh) throws IOException {
        int sets = 0;
        for (byte[] doc : docs) {
            sets += Readers.staediAlone(new ByteArrayInputStream(doc), bh::consume);
        }
        return sets;
    }

    @Benchmark
    public int translate(Blackhole bh) {
        int sets = 0;
        for (byte[] doc : docs) {
            sets += Readers.translate(engine, new ByteArrayInputStream(doc), bh::consume);
        }
        return sets;
    }
}
