package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerScope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The month partitions of message, event and timeline_entry on a real PostgreSQL: a row of a month without a partition
 * waits in the default partition and moves into its month's when that is prepared; only empty partitions of months
 * long over are dropped.
 */
class PartitionsIT {

    /** A month no other test writes in. */
    private static final Instant LATER = Instant.parse("2031-07-14T10:00:00Z");

    private final TestDatabase db = TestDatabase.get();
    private final Messages messages = new Messages(db.jdbc, new MessageCompletions(db.jdbc), db.blobs);
    private final Partitions partitions = new Partitions(db.jdbc);

    @BeforeEach
    void partner() {
        db.clean();
        new Partners(db.jdbc, TestDatabase.CLOCK).add(supplier(ACME, "ACMESUPPLY"));
        db.jdbc
                .sql("drop table if exists message_2031_07, message_2031_08, message_2031_09, event_2031_07,"
                        + " event_2031_08, event_2031_09, timeline_entry_2031_07, timeline_entry_2031_08,"
                        + " timeline_entry_2031_09")
                .update();
    }

    private IncomingMessage edi(String text) {
        return new IncomingMessage(
                Direction.INBOUND,
                Channel.EDI,
                "SFTP",
                MessageFormat.X12,
                ACME,
                text.getBytes(StandardCharsets.US_ASCII),
                null,
                null);
    }

    private long rows(String table) {
        return db.jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void thePartitionedTablesGetStatisticsOfTheirOwnWhichAutovacuumNeverGathers() {
        partitions.prepare(LATER);
        for (int i = 0; i < 5; i++) {
            messages.archive(edi("ISA*stats" + i), LATER.plusSeconds(i));
        }
        db.jdbc.sql("analyze message_2031_07").update(); // what autovacuum does: the partition, not its table
        assertThat(statistics("message"))
                .as("of the table across its partitions")
                .isZero();

        partitions.analyze();

        for (String table : Partitions.TABLES) {
            db.jdbc
                    .sql("select 1 from " + table + " limit 1")
                    .query(Integer.class)
                    .optional();
        }
        assertThat(statistics("message")).isPositive();
        assertThat(db.jdbc
                        .sql("select reltuples from pg_class where relname = 'message'")
                        .query(Double.class)
                        .single())
                .isEqualTo(5);
    }

    /** The columns of a partitioned table with statistics of the whole table (across its partitions). */
    private long statistics(String table) {
        return db.jdbc
                .sql("select count(*) from pg_stats where tablename = :table and inherited")
                .param("table", table)
                .query(Long.class)
                .single();
    }

    @Test
    void aRowOfAMonthWithoutPartitionMovesIntoItWhenItIsPrepared() {
        var early = messages.archive(edi("ISA*early"), LATER);
        assertThat(rows("message_default")).as("no partition of July 2031 yet").isEqualTo(1);

        assertThat(partitions.prepare(LATER))
                .as("July to September, for three tables")
                .isEqualTo(9);
        assertThat(partitions.prepare(LATER)).as("prepared already").isZero();

        assertThat(rows("message_default")).isZero();
        assertThat(rows("message_2031_07")).isEqualTo(1);
        assertThat(messages.find(early.id(), PartnerScope.everyone())).hasValueSatisfying(found -> {
            assertThat(found.receivedAt()).isEqualTo(LATER);
            assertThat(found.status()).isEqualTo(MessageStatus.RECEIVED);
        });
        var next = messages.archive(edi("ISA*next"), LATER.plusSeconds(60));
        assertThat(rows("message_2031_07")).isEqualTo(2);
        assertThat(db.jdbc
                        .sql("select reloptions from pg_class where relname = 'message_2031_07'")
                        .query(String.class)
                        .single())
                .as("room for a status change on the row's page, as the default partition has")
                .contains("fillfactor=90");
        assertThat(partitions.of("event")).contains("event_2031_07", "event_2031_08", "event_2031_09");
        assertThat(next.id()).isNotEqualTo(early.id());
    }

    @Test
    void onlyEmptyPartitionsOfMonthsLongOverAreDropped() {
        partitions.prepare(LATER);
        messages.archive(edi("ISA*kept"), LATER);

        // (and the empty partitions other tests left of months before)
        assertThat(partitions.dropEmpty(Instant.parse("2031-08-01T00:00:00Z")))
                .as("July holds a message; its events and timeline are empty")
                .contains("event_2031_07", "timeline_entry_2031_07")
                .doesNotContain("message_2031_07", "event_2031_08");
        assertThat(partitions.dropEmpty(Instant.parse("2031-08-01T00:00:00Z"))).isEmpty();
        assertThat(partitions.of("message")).contains("message_2031_07", "message_2031_08");
        assertThat(partitions.of("event")).doesNotContain("event_2031_07").contains("event_2031_08");
        assertThat(partitions.dropEmpty(Instant.parse("2031-09-01T00:00:00Z")))
                .containsExactlyInAnyOrder("message_2031_08", "event_2031_08", "timeline_entry_2031_08");
        assertThat(partitions.of("message")).contains("message_2031_07", "message_2031_09");
        assertThat(List.of(rows("message"), rows("message_2031_07"))).containsExactly(1L, 1L);
    }
}
