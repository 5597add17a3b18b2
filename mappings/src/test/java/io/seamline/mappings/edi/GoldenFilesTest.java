package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.Json;
import io.seamline.model.event.EventData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code golden/**.edi} is read by the engine; what it becomes is compared with the files beside it:
 * {@code .events.json} (the canonical events of the accepted sets), {@code .problems.txt} (every defect and
 * unreadable reason) and {@code .ack} (the acknowledgement owed). Partners' overrides come from
 * {@code golden/partners/*.json}. Run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class GoldenFilesTest {

    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> eachGoldenCaseBecomesItsEventsProblemsAndAck() throws IOException {
        List<PartnerMapping> partners = partners();
        List<Path> cases;
        try (Stream<Path> files = Files.walk(ROOT)) {
            cases = files.filter(f -> f.toString().endsWith(".edi")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(30);
        return cases.stream()
                .map(edi -> DynamicTest.dynamicTest(ROOT.relativize(edi).toString(), () -> check(edi, partners)));
    }

    private static void check(Path edi, List<PartnerMapping> partners) throws IOException {
        Recording recording;
        try (InputStream in = Files.newInputStream(edi)) {
            recording = Recording.read(EdiEngine.withDefaults(), in, envelope -> partners.stream()
                    .filter(p -> p.sent(envelope))
                    .map(PartnerMapping::profile)
                    .findFirst()
                    .orElse(EdiProfile.DEFAULT));
        }
        assertThat(recording.ackDisagreements())
                .as(edi + ": the 997 agrees with what was read")
                .isEmpty();
        String base = edi.toString().substring(0, edi.toString().length() - 4);
        compare(Path.of(base + ".events.json"), events(recording.acceptedEvents()));
        compare(Path.of(base + ".problems.txt"), problems(recording));
        compare(
                Path.of(base + ".ack"),
                recording.acks.stream().map(a -> a.text()).collect(Collectors.joining()));
    }

    private static void compare(Path expected, String actual) throws IOException {
        if (UPDATE) {
            if (actual.isEmpty()) {
                Files.deleteIfExists(expected);
            } else {
                Files.writeString(expected, actual);
            }
            return;
        }
        String wanted = Files.exists(expected) ? Files.readString(expected) : "";
        assertThat(actual).as(expected.toString()).isEqualTo(wanted);
    }

    private static String events(List<EventData> events) {
        if (events.isEmpty()) {
            return "";
        }
        ArrayNode array = Json.mapper().createArrayNode();
        for (EventData event : events) {
            ObjectNode node = array.addObject();
            node.put("type", event.type());
            if (event.subject() != null) {
                node.put("subject", event.subject());
            }
            node.set("data", Json.mapper().valueToTree(event));
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String problems(Recording recording) {
        var lines = new ArrayList<String>();
        for (SetResult set : recording.sets) {
            for (Defect defect : set.defects()) {
                lines.add("set " + set.setId() + " " + set.controlNumber() + ": " + defect);
            }
            if (set.status() != SetStatus.ACCEPTED) {
                lines.add("set " + set.setId() + " " + set.controlNumber() + ": " + set.status());
            }
        }
        for (InterchangeResult interchange : recording.interchanges) {
            String ic = "interchange "
                    + (interchange.envelope() == null
                            ? "?"
                            : interchange.envelope().controlNumber());
            interchange.groups().forEach(g -> g.defects().forEach(d -> lines.add(ic + " group: " + d)));
            interchange.defects().forEach(d -> lines.add(ic + ": " + d));
            if (interchange.rejected()) {
                lines.add(ic + ": REJECTED");
            }
        }
        recording.unreadable.forEach(u -> lines.add("unreadable: " + u));
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static List<PartnerMapping> partners() throws IOException {
        var partners = new ArrayList<PartnerMapping>();
        try (Stream<Path> files = Files.list(ROOT.resolve("partners"))) {
            for (Path file : files.sorted().toList()) {
                Parsed<PartnerMapping> parsed = PartnerMapping.parse(Files.readAllBytes(file));
                assertThat(parsed).as(file.toString()).isInstanceOf(Parsed.Valid.class);
                partners.add(((Parsed.Valid<PartnerMapping>) parsed).value());
            }
        }
        return partners;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
