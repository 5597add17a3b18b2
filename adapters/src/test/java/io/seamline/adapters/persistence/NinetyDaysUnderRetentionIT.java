package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.persistence.RetentionStore.Scope;
import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.retention.RetentionClass;
import io.seamline.model.sla.Expectation;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ninety simulated days on a real PostgreSQL: each day's clock writes a day's documents the way the pipeline records
 * them (the message and its bytes, its event, its timeline, an SLA expectation opened and met), then retention runs
 * as the scheduled job does (every class in batches, then the blobs no row names) and PostgreSQL vacuums, as its
 * autovacuum would. Once the retention window has filled, the tables stop growing: their rows and bytes on day 90 are
 * those of day 45. What went leaves tombstones, folded once they are older than the window into one per kind,
 * partner and day: a few rows a day, whatever the volume. The figures are written to {@code target/ninety-days.md}.
 */
class NinetyDaysUnderRetentionIT {

    private static final int DAYS = 90;
    private static final int DOCUMENTS_PER_DAY = 40;
    private static final Duration KEEP = Duration.ofDays(14);
    private static final Instant FIRST_DAY = Instant.parse("2026-01-05T08:00:00Z");
    private static final List<String> COVERED = List.of("event", "timeline_entry", "sla_expectation", "message");
    private static final List<String> NOT_COVERED = List.of("tombstone");

    private final TestDatabase db = TestDatabase.get();
    private final Messages messages = new Messages(db.jdbc, new MessageCompletions(db.jdbc), db.blobs);
    private final Events events = new Events(db.jdbc);
    private final Workflows workflows = new Workflows(db.jdbc, events);
    private final Timelines timelines = new Timelines(db.jdbc);
    private final Expectations expectations = new Expectations(db.jdbc);
    private final RetentionStore retention = new RetentionStore(db.jdbc, db.blobs);
    private final Partitions partitions = new Partitions(db.jdbc);

    @BeforeEach
    void empty() {
        db.clean();
        db.jdbc.sql("truncate legal_hold, tombstone, blob_garbage, invoice").update();
        new Partners(db.jdbc, TestDatabase.CLOCK).add(supplier(ACME, "ACMESUPPLY"));
    }

    @Test
    void whatRetentionCoversStaysTheSameSizeOnceItsWindowHasFilled() throws IOException {
        var days = new ArrayList<Map<String, Long>>();
        var dropped = new ArrayList<String>();
        for (int day = 0; day < DAYS; day++) {
            Instant now = FIRST_DAY.plus(Duration.ofDays(day));
            // what the hourly maintenance does: this month's partitions and the next two's
            partitions.prepare(now);
            for (int n = 0; n < DOCUMENTS_PER_DAY; n++) {
                int document = day * DOCUMENTS_PER_DAY + n;
                db.transactions.executeWithoutResult(tx -> receive(document, now));
            }
            runRetention(now);
            dropped.addAll(db.transactions.execute(tx -> partitions.dropEmpty(now.minus(Duration.ofDays(31)))));
            db.jdbc
                    .sql("vacuum event, timeline_entry, message, tombstone, sla_expectation")
                    .update();
            days.add(sizes());
        }
        write(days);

        Map<String, Long> day45 = days.get(44);
        Map<String, Long> day90 = days.get(DAYS - 1);
        for (String table : COVERED) {
            assertThat(day90.get(table + " rows"))
                    .as(table + ": the rows of the retention window, no more")
                    .isEqualTo(day45.get(table + " rows"));
            assertThat(day90.get(table))
                    .as(table + ": its bytes on day 90 against day 45")
                    .isLessThanOrEqualTo(day45.get(table) * 11 / 10);
        }
        assertThat(dropped)
                .as("January's and February's partitions, emptied by retention, dropped once a month had passed")
                .containsExactlyInAnyOrder(
                        "message_2026_01",
                        "message_2026_02",
                        "event_2026_01",
                        "event_2026_02",
                        "timeline_entry_2026_01",
                        "timeline_entry_2026_02");
        for (String table : Partitions.TABLES) {
            assertThat(partitions.of(table)).contains(table + "_2026_03", table + "_2026_04", table + "_2026_06");
            assertThat(db.jdbc
                            .sql("select count(*) from " + table + "_default")
                            .query(Long.class)
                            .single())
                    .as(table + ": every row in its month's partition")
                    .isZero();
        }
        assertThat(day90.get("blobs")).as("blobs").isLessThanOrEqualTo(day45.get("blobs") * 11 / 10);
        assertThat(day90.get("tombstone rows") - day45.get("tombstone rows"))
                .as("tombstones: at most one per kind (messages, events, timeline, expectations) and day")
                .isLessThanOrEqualTo(4L * 45);
    }

    /** One document as the pipeline records it, in one transaction, at {@code now}. */
    private void receive(int document, Instant now) {
        String po = "45" + String.format("%08d", document);
        Subject subject = Subject.purchaseOrder(po);
        byte[] bytes = ("ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*BUYER          *260105*0800*U*00401*"
                        + String.format("%09d", document) + "*0*P*>~GS*PR*ACMESUPPLY*BUYER*20260105*0800*1*X*004010~"
                        + "ST*855*0001~BAK*00*AC*" + po + "*20260105~"
                        + "PO1*1*100*EA*12.50**BP*WID-001~ACK*IA*100*EA*068*20260120~".repeat(15)
                        + "CTT*15~SE*34*0001~GE*1*1~IEA*1*" + String.format("%09d", document) + "~")
                .getBytes(StandardCharsets.US_ASCII);
        var message = messages.receive(
                new IncomingMessage(Direction.INBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, bytes, null, null),
                now,
                null,
                null,
                subject.toString());
        db.jdbc
                .sql("update message set status = 'PROCESSED', processed_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(now))
                .param("id", message.id().value())
                .update();
        var lines = new ArrayList<CommitmentUpdated.Line>();
        for (int line = 1; line <= 15; line++) {
            lines.add(new CommitmentUpdated.Line(
                    String.valueOf(line), new BigDecimal("100"), LocalDate.of(2026, 1, 20), "IA", null, null));
        }
        var event = new CanonicalEvent(
                UUID.randomUUID().toString(),
                "/partners/acme-supply/edi",
                now,
                ACME,
                message.id(),
                Channel.EDI,
                new CommitmentUpdated(po, lines, null));
        events.append(event);
        workflows.ran(new Workflows.Ran(UUID.fromString(event.id()), ACME, "855", subject.toString(), now, now));
        String from = "partner:acme-supply";
        timelines.append(
                new TimelineEntry(
                        0,
                        subject,
                        now,
                        TimelineKind.MESSAGE,
                        "855 received from acme-supply (interchange " + document + ") via EDI",
                        from,
                        Map.of("messageId", message.id().toString(), "documentType", "855"),
                        true,
                        message.id()),
                message.id() + ":855:message");
        timelines.append(
                new TimelineEntry(
                        0,
                        subject,
                        now,
                        TimelineKind.EVENT,
                        "Commitment for 15 lines",
                        from,
                        Map.of("eventId", event.id(), "type", event.type()),
                        true,
                        message.id()),
                event.id() + ":event");
        timelines.append(
                new TimelineEntry(
                        0,
                        subject,
                        now,
                        TimelineKind.DECISION,
                        "commitment.date-slip v1: APPLY (lines 1-15), inside the agreed tolerances",
                        "system",
                        Map.of("rule", "commitment.date-slip", "ruleVersion", 1, "outcome", "APPLY"),
                        false,
                        message.id()),
                event.id() + ":decision",
                message.id());
        expectations.open(
                Expectation.open(
                        "po.acknowledgement",
                        subject,
                        ACME,
                        now.minus(Duration.ofHours(3)),
                        null,
                        now.plus(Duration.ofDays(2)),
                        null,
                        null),
                "sla:" + subject + ":855");
        expectations.fulfil("po.acknowledgement", subject, null, now, message.id());
    }

    /** Every class to the end in batches of 500, then the blobs no row names: what the scheduled run does. */
    private void runRetention(Instant now) {
        Instant cutoff = now.minus(KEEP);
        for (RetentionClass kind : RetentionClass.values()) {
            int removed;
            do {
                removed = db.transactions.execute(tx -> retention.purge(
                        kind, cutoff, Scope.everyoneBut(List.of()), 500, now, "retention:" + kind.key(), "sim"));
            } while (removed > 0);
        }
        int deleted;
        do {
            deleted = db.transactions.execute(tx -> retention.collectGarbage(now.plusSeconds(1), 500));
        } while (deleted > 0);
    }

    private Map<String, Long> sizes() {
        var sizes = new LinkedHashMap<String, Long>();
        for (String table :
                Stream.concat(COVERED.stream(), NOT_COVERED.stream()).toList()) {
            sizes.put(
                    table,
                    db.jdbc
                            // a table partitioned by time is the sum of its partitions
                            .sql("select coalesce((select sum(pg_total_relation_size(relid)) from"
                                    + " pg_partition_tree(cast(:table as regclass))),"
                                    + " pg_total_relation_size(cast(:table as regclass)))")
                            .param("table", table)
                            .query(Long.class)
                            .single());
            sizes.put(
                    table + " rows",
                    db.jdbc
                            .sql("select count(*) from " + table)
                            .query(Long.class)
                            .single());
        }
        sizes.put("blobs", folderSize(Path.of(db.blobs.location().replaceFirst("^file:", ""))));
        return sizes;
    }

    private static long folderSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The days as a table (every 15th day and the last), for BENCHMARKS. */
    private static void write(List<Map<String, Long>> days) throws IOException {
        var out = new StringBuilder("| day | " + String.join(" | ", days.get(0).keySet()) + " |\n");
        out.append("|---".repeat(days.get(0).size() + 1)).append("|\n");
        for (int day = 0; day < days.size(); day++) {
            if ((day + 1) % 15 == 0 || day == 0 || day == days.size() - 1) {
                out.append("| ")
                        .append(FIRST_DAY
                                .plus(Duration.ofDays(day))
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate());
                for (long value : days.get(day).values()) {
                    out.append(" | ").append(value);
                }
                out.append(" |\n");
            }
        }
        Files.writeString(Path.of("target", "ninety-days.md"), out);
    }
}
