package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The public conformance corpus ({@code ../shared/corpus/public}, when present): every valid file yields events or
 * a documented "unsupported set" outcome, every file its MANIFEST marks INTENTIONALLY BROKEN yields a rejection
 * with a code, and nothing throws. Valid-looking files whose content is defective are listed below with the
 * defect, so each exception to the rule is a reviewed decision.
 */
class CorpusSweepTest {

    /** Files the MANIFEST lists as ordinary samples that break a rule of their standard: rejected, on purpose. */
    static final Map<String, String> DEFECTIVE_SAMPLES = new LinkedHashMap<>();

    static {
        DEFECTIVE_SAMPLES.put("edifact/APERAK/edinet-aperak-d96a.edi", "starts with an empty UNB header (UNB+++++4)");
        DEFECTIVE_SAMPLES.put("edifact/IFTMIN/chemaclass-iftmin-s93a.edi", "UNT 0074 says 19 segments, 18 are there");
        DEFECTIVE_SAMPLES.put(
                "edifact/IFTMIN/edinet-iftmin-invoic-mixed-issue188.edi",
                "UNT counts and references do not match (MANIFEST: inconsistent)");
        DEFECTIVE_SAMPLES.put(
                "edifact/IFTSTA/apimeister-iftsta-d00b.edi", "UNZ 0020 2805570 differs from UNB 0020 2803570");
        DEFECTIVE_SAMPLES.put(
                "edifact/INVOIC/edireader-invoic-tiny-syntax-variants.edi",
                "a syntax test: an INVOIC with no amounts at all");
        DEFECTIVE_SAMPLES.put(
                "edifact/INVOIC/edireader-invoic-tiny-una-unoa.edi", "a syntax test: an INVOIC with no amounts at all");
        DEFECTIVE_SAMPLES.put("edifact/INVOIC/smooks-invoic-d03b-una.edi", "UNT 0074 says 36 segments, 35 are there");
        DEFECTIVE_SAMPLES.put(
                "edifact/ORDERS/edireader-orders-d01b-unoe.edi", "a character-set test: its dates are lorem ipsum");
        DEFECTIVE_SAMPLES.put("edifact/ORDERS/smooks-examples-orders-d96a.edi", "no UNZ trailer (MANIFEST notes it)");
        DEFECTIVE_SAMPLES.put("edifact/ORDERS/staedi-orders-with-ung.edi", "UNT 0074 says 21 segments, 18 are there");
        DEFECTIVE_SAMPLES.put(
                "edifact/ORDRSP/edinet-ordrsp-d10a.edi", "UNT count and reference, and UNZ reference, do not match");
        DEFECTIVE_SAMPLES.put(
                "edifact/ORDRSP/edireader-ordrsp-d01b-unoc.edi",
                "a character-set test: no order reference, codes are lorem ipsum");
        DEFECTIVE_SAMPLES.put(
                "edifact/edge/php-edifact-release-character.edi", "UNT 0074 says 14 segments, 23 are there");
        DEFECTIVE_SAMPLES.put(
                "edifact/related/edinet-cuscar-d95b.edi", "empty message type (MANIFEST: EDGE) and a wrong UNT count");
        DEFECTIVE_SAMPLES.put("edifact/related/edinet-ifcsum-d01b.edi", "UNT 0074 says 787 segments");
        DEFECTIVE_SAMPLES.put("x12/204/edinet-204-mgctlyst.edi", "SE01 says 41 segments, 38 are there");
        DEFECTIVE_SAMPLES.put(
                "x12/210/oopfactory-210-dbschenker.edi", "GE02 24 differs from GS06 1 (MANIFEST: malformed)");
        DEFECTIVE_SAMPLES.put(
                "x12/810/oopfactory-810-walmart.edi", "ISA12 00040 is not an X12 version (MANIFEST: malformed)");
        DEFECTIVE_SAMPLES.put("x12/850/edinet-850-issue135.edi", "two sets share ST02 0001 in one group");
        DEFECTIVE_SAMPLES.put(
                "x12/860/oopfactory-860-example1.edi",
                "N1 runs into the next line, SE01 is off, BCH06 is 'PO DATE' (MANIFEST: malformed)");
        DEFECTIVE_SAMPLES.put("x12/865/oopfactory-865-tyco.edi", "IEA02 00001660 differs from ISA13 000016680");
        DEFECTIVE_SAMPLES.put(
                "x12/997/staedi-997-extra-delimiter.edi", "AK302 holds the placeholder 'AK302-R1', not a number");
        DEFECTIVE_SAMPLES.put("x12/999/imsweb-999-accepted.edi", "IEA02 000000001 differs from ISA13 000000286");
        DEFECTIVE_SAMPLES.put("x12/TA1/staedi-ta1.edi", "IEA01 says 1 group, there is none");
    }

    static Path corpus() {
        String configured = System.getProperty("seamline.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : new Path[] {Path.of("../../shared/corpus"), Path.of("../shared/corpus")}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../shared/corpus");
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileIsReadOrRejectedWithAReason() throws IOException {
        Path root = corpus().resolve("public");
        assumeTrue(Files.isDirectory(root), "the shared corpus is not on this machine: " + root.toAbsolutePath());
        Map<String, String> notes = manifest(root.resolve("MANIFEST.md"));
        try (Stream<Path> files = Files.walk(root)) {
            var all = files.filter(f -> f.toString().endsWith(".edi")).sorted().toList();
            assertThat(all).hasSizeGreaterThan(50);
            return all.stream().map(file -> {
                String name = root.relativize(file).toString();
                return DynamicTest.dynamicTest(name, () -> sweep(file, name, notes.getOrDefault(name, "")));
            });
        }
    }

    private static void sweep(Path file, String name, String note) throws IOException {
        Recording recording;
        try (InputStream in = Files.newInputStream(file)) {
            recording = Recording.read(EdiEngine.withDefaults(), in, e -> EdiProfile.DEFAULT);
        }
        assertThat(recording.sets.stream().flatMap(s -> s.defects().stream()))
                .as("a mapper failed on " + name)
                .noneMatch(d -> d.detail().startsWith("mapping failed"));
        assertThat(recording.ackDisagreements())
                .as(name + ": the 997 agrees with what was read")
                .isEmpty();
        boolean rejected = !recording.unreadable.isEmpty()
                || recording.interchanges.stream().anyMatch(InterchangeResult::rejected)
                || recording.interchanges.stream()
                        .anyMatch(i -> i.groups().stream().anyMatch(GroupResult::rejectedAsAWhole))
                || recording.sets.stream().anyMatch(s -> s.status() == SetStatus.REJECTED);
        if (note.contains("INTENTIONALLY BROKEN") || DEFECTIVE_SAMPLES.containsKey(name)) {
            assertThat(rejected).as(name + " must be rejected").isTrue();
            assertThat(codes(recording))
                    .as(name + " must be rejected with a code")
                    .isNotEmpty();
            return;
        }
        assertThat(recording.unreadable).as(name).isEmpty();
        assertThat(rejected)
                .as(name + " is a valid sample; problems: " + problems(recording))
                .isFalse();
        boolean producedEvents = !recording.acceptedEvents().isEmpty();
        boolean onlyUnsupported =
                !recording.sets.isEmpty() && recording.sets.stream().allMatch(s -> s.status() == SetStatus.UNSUPPORTED);
        boolean interchangeAcks = recording.sets.isEmpty() && !recording.interchanges.isEmpty();
        assertThat(producedEvents || onlyUnsupported || interchangeAcks)
                .as(name + " yields events, or only sets Seamline does not map")
                .isTrue();
    }

    private static java.util.List<String> codes(Recording recording) {
        var codes = new java.util.ArrayList<String>();
        recording.sets.forEach(s -> s.defects().forEach(d -> codes.add(d.error().x12Code())));
        recording.interchanges.forEach(i -> {
            i.defects().stream()
                    .filter(d -> !d.warning())
                    .forEach(d -> codes.add(d.error().x12Code()));
            i.groups().forEach(g -> g.defects().stream()
                    .filter(d -> !d.warning())
                    .forEach(d -> codes.add(d.error().x12Code())));
        });
        recording.unreadable.forEach(u -> codes.add(u.reason().name()));
        return codes;
    }

    private static String problems(Recording recording) {
        var text = new StringBuilder();
        recording.sets.forEach(s -> text.append(s.setId())
                .append(' ')
                .append(s.status())
                .append(s.defects())
                .append("; "));
        recording.interchanges.forEach(i -> text.append(i.defects()).append("; "));
        recording.unreadable.forEach(u -> text.append(u).append("; "));
        return text.toString();
    }

    /** Path → notes column of the MANIFEST table. */
    static Map<String, String> manifest(Path manifest) throws IOException {
        var notes = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(manifest)) {
            if (!line.startsWith("| x12/") && !line.startsWith("| edifact/")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length > 8) {
                notes.put(cells[1].trim(), cells[cells.length - 1].trim());
            }
        }
        return notes;
    }
}
