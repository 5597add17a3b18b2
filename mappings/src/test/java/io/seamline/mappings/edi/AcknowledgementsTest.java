package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.event.FunctionalAckReceived;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every acknowledgement the engine writes is read back by the engine: it is a sound interchange, and what it says
 * about the original is what the original's reading found.
 */
class AcknowledgementsTest {

    @TestFactory
    Stream<DynamicTest> everyAcknowledgementWeWriteReadsBackAsWhatItSays() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            var cases =
                    files.filter(f -> f.toString().endsWith(".edi")).sorted().toList();
            return cases.stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        var original = Recording.read(Files.readAllBytes(file));
                        for (var ack : original.acks) {
                            var readBack = Recording.read(ack.content());
                            assertThat(readBack.unreadable).as(ack.text()).isEmpty();
                            // TA102/TA103 echo the partner's ISA09/ISA10 as sent, valid or not; nothing else may be off
                            assertThat(readBack.interchanges).singleElement().satisfies(i -> assertThat(i.defects())
                                    .as(ack.text())
                                    .allMatch(d -> d.warning() && "TA1".equals(d.segmentTag())));
                            for (SetResult set : readBack.sets) {
                                assertThat(set.status()).as(ack.text()).isEqualTo(SetStatus.ACCEPTED);
                                var said = (FunctionalAckReceived) set.events().get(0);
                                long rejected = original.sets.stream()
                                        .filter(s -> s.status() == SetStatus.REJECTED)
                                        .count();
                                if (rejected > 0) {
                                    assertThat(said.sets().stream()
                                                    .filter(s -> s.status() == FunctionalAckReceived.Status.REJECTED))
                                            .isNotEmpty();
                                }
                            }
                        }
                    }));
        }
    }
}
