package io.seamline.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123Z");

    /** How PostgreSQL orders uuids (and so their indexes): byte by byte, unsigned, as their lower-case text sorts. */
    private static final Comparator<UUID> AS_POSTGRESQL_SORTS = Comparator.comparing(UUID::toString);

    @Test
    void aNewIdIsVersionSevenWithItsTimeFirst() {
        UUID id = TimeOrderedIds.at(T0);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
        assertThat(TimeOrderedIds.at(T0)).as("74 random bits").isNotEqualTo(id);
    }

    @Test
    void idsMadeOneAfterAnotherSortInThatOrderWhereRandomIdsDoNot() {
        var made = new ArrayList<UUID>();
        for (int i = 0; i < 200; i++) {
            made.add(TimeOrderedIds.at(T0.plusMillis(i)));
        }
        assertThat(made).isSortedAccordingTo(AS_POSTGRESQL_SORTS);

        var random = new ArrayList<UUID>();
        for (int i = 0; i < 200; i++) {
            random.add(UUID.randomUUID());
        }
        assertThat(random.stream().sorted(AS_POSTGRESQL_SORTS).toList()).isNotEqualTo(random);
    }

    @Test
    void anIdNamedAfterATimeOrderedMessageSortsWithThatMessage() {
        UUID earlier = TimeOrderedIds.at(T0);
        UUID later = TimeOrderedIds.at(T0.plusMillis(1));

        List<UUID> named = List.of(
                TimeOrderedIds.named(earlier + "#0"),
                TimeOrderedIds.named(earlier + "#1"),
                TimeOrderedIds.named("erp:" + earlier + ":po.acknowledged"));
        UUID ofLater = TimeOrderedIds.named(later + "#0");

        for (UUID id : named) {
            assertThat(id.version()).isEqualTo(8);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
            assertThat(AS_POSTGRESQL_SORTS.compare(id, ofLater)).isNegative();
        }
        assertThat(named).doesNotHaveDuplicates();
        assertThat(TimeOrderedIds.named(earlier + "#1"))
                .as("the same name, the same id")
                .isEqualTo(named.get(1));
    }

    @Test
    void aNameWithoutATimeOrderedIdGetsTheIdItAlwaysGot() {
        UUID before = UUID.fromString("3ee6c117-e84e-4555-89cc-d1df40d9a6ee"); // version 4: received before
        String name = before + "#3";

        assertThat(TimeOrderedIds.named(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        assertThat(TimeOrderedIds.named("no id here")).isEqualTo(UUID.nameUUIDFromBytes("no id here".getBytes()));
    }

    @Test
    void aStepKeyCarryingATimeOrderedIdSortsByThatTimeAfterEveryPlainMd5() throws Exception {
        UUID message = TimeOrderedIds.at(T0);
        String key = message + ":respond:855";
        ByteBuffer md5 = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));

        UUID keyed = TimeOrderedIds.keyed(key);
        assertThat(keyed.toString()).startsWith("ffff");
        assertThat(keyed.getMostSignificantBits() & 0x0000_FFFF_FFFF_FFFFL).isEqualTo(T0.toEpochMilli());
        assertThat(keyed.getLeastSignificantBits()).isEqualTo(md5.getLong());

        UUID event = TimeOrderedIds.named(TimeOrderedIds.at(T0.plusMillis(5)) + "#0");
        UUID later = TimeOrderedIds.keyed(event + ":erp");
        assertThat(later.getMostSignificantBits() & 0x0000_FFFF_FFFF_FFFFL)
                .as("an event's id carries its message's time")
                .isEqualTo(T0.plusMillis(5).toEpochMilli());
        assertThat(AS_POSTGRESQL_SORTS.compare(keyed, later)).isNegative();

        for (int i = 0; i < 2000; i++) {
            UUID plain = TimeOrderedIds.keyed("sla:po/" + i + ":po-ack");
            assertThat(AS_POSTGRESQL_SORTS.compare(plain, keyed)).isNegative();
        }
    }

    @Test
    void aStepKeyWithoutATimeOrderedIdIsItsPlainMd5AsBefore() throws Exception {
        String older = "3ee6c117-e84e-4555-89cc-d1df40d9a6ee:respond:855"; // a message received before (version 4)
        ByteBuffer plain =
                ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(older.getBytes(StandardCharsets.UTF_8)));

        assertThat(TimeOrderedIds.keyed(older)).isEqualTo(new UUID(plain.getLong(), plain.getLong()));
    }

    @Test
    void onlyAWholeTimeOrderedIdInTheTextCounts() {
        UUID id = TimeOrderedIds.at(T0);
        String text = id.toString();

        assertThat(TimeOrderedIds.timeIn("reack:" + text + ":000000123")).isEqualTo(T0.toEpochMilli());
        assertThat(TimeOrderedIds.timeIn("a" + text))
                .as("part of a longer hex run")
                .isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn(text + "0")).isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn(text.replace('-', 'x'))).isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn("0190a2b3-c4d5-7e6f-c123-456789abcdef"))
                .as("variant bits not RFC 9562's")
                .isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn("0190a2b3-c4d5-7e6f-8123-45678zabcdef"))
                .isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn("")).isEqualTo(-1);
        assertThat(TimeOrderedIds.timeIn(TimeOrderedIds.named(text + "#2") + ":erp"))
                .as("an id named after a time-ordered one")
                .isEqualTo(T0.toEpochMilli());
        assertThat(TimeOrderedIds.timeIn(UUID.randomUUID().toString())).isEqualTo(-1);
    }

    @Test
    void aShortReferenceTellsIdsMadeInTheSameMinuteApartAndKeepsAnOlderIdsFirstDigits() {
        var references = new java.util.HashSet<String>();
        for (int i = 0; i < 500; i++) {
            references.add(TimeOrderedIds.shortHex(TimeOrderedIds.at(T0.plusMillis(i)), 8));
        }
        assertThat(references).hasSize(500);

        UUID older = UUID.fromString("3ee6c117-e84e-4555-89cc-d1df40d9a6ee");
        assertThat(TimeOrderedIds.shortHex(older, 8)).isEqualTo("3ee6c117");
        assertThat(TimeOrderedIds.shortHex(TimeOrderedIds.named(TimeOrderedIds.at(T0) + "#0"), 12))
                .hasSize(12)
                .matches("[0-9a-f]{12}");
    }
}
