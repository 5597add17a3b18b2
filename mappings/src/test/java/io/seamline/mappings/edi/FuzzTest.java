package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real interchanges (byte flips, deleted and duplicated runs, delimiter storms, truncation,
 * random noise): whatever the bytes, the engine answers with results or a typed rejection, within a time limit,
 * without an exception and without a mapper failing. The seed is fixed so a failure can be replayed; raise
 * {@code -Dfuzz.iterations} for a longer run.
 */
class FuzzTest {

    private static final long SEED = 20261122L;
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);

    @Test
    void anyBytesGiveResultsOrATypedRejectionQuickly() throws IOException {
        List<byte[]> seeds = seeds();
        var random = new Random(SEED);
        var engine = new EdiEngine(64 * 1024);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                long started = System.nanoTime();
                Recording recording = Recording.read(engine, new ByteArrayInputStream(input), e -> EdiProfile.DEFAULT);
                long millis = (System.nanoTime() - started) / 1_000_000;
                int iteration = i;
                assertThat(millis)
                        .as("iteration %d took %d ms", iteration, millis)
                        .isLessThan(2000);
                assertThat(recording.interchanges.size() + recording.unreadable.size())
                        .as("iteration %d said nothing", iteration)
                        .isPositive();
                assertThat(recording.sets.stream().flatMap(s -> s.defects().stream()))
                        .as("iteration %d: a mapper failed", iteration)
                        .noneMatch(d -> d.detail().startsWith("mapping failed"));
            }
        });
    }

    private static List<byte[]> seeds() throws IOException {
        var seeds = new ArrayList<byte[]>();
        for (Path root : List.of(
                Path.of("src/test/resources/golden"), CorpusSweepTest.corpus().resolve("public"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".edi"))
                        .sorted()
                        .toList()) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
        }
        assertThat(seeds).isNotEmpty();
        return seeds;
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            bytes = switch (random.nextInt(8)) {
                case 0 -> flip(bytes, random);
                case 1 -> delete(bytes, random);
                case 2 -> duplicate(bytes, random);
                case 3 -> insert(
                        bytes, random, "*~'+:?\n\r\u0015".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                case 4 -> truncate(bytes, random);
                case 5 -> noise(random);
                case 6 -> insert(
                        bytes,
                        random,
                        "ISA*UNB+SE*1*0001~UNT+9+1'GE*IEA*".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                default -> flip(flip(bytes, random), random);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    private static byte[] delete(byte[] bytes, Random random) {
        if (bytes.length < 2) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - from, 1 + random.nextInt(40));
        byte[] copy = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, copy, 0, from);
        System.arraycopy(bytes, from + length, copy, from, bytes.length - from - length);
        return copy;
    }

    private static byte[] duplicate(byte[] bytes, Random random) {
        if (bytes.length == 0 || bytes.length > 200_000) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - from, 1 + random.nextInt(200));
        byte[] copy = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, copy, 0, from + length);
        System.arraycopy(bytes, from, copy, from + length, bytes.length - from);
        return copy;
    }

    private static byte[] insert(byte[] bytes, Random random, byte[] alphabet) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        int count = 1 + random.nextInt(12);
        byte[] copy = new byte[bytes.length + count];
        System.arraycopy(bytes, 0, copy, 0, at);
        for (int i = 0; i < count; i++) {
            copy[at + i] = alphabet[random.nextInt(alphabet.length)];
        }
        System.arraycopy(bytes, at, copy, at + count, bytes.length - at);
        return copy;
    }

    private static byte[] truncate(byte[] bytes, Random random) {
        return bytes.length == 0 ? bytes : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private static byte[] noise(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 3) {
            bytes[0] = 'I';
            bytes[1] = 'S';
            bytes[2] = 'A';
        }
        return bytes;
    }
}
