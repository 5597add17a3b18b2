package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.timeline.TimelineEntry;
import io.seamline.model.timeline.TimelineKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsAndTimelinesIT {

    private final TestDatabase db = TestDatabase.get();
    private final Events events = new Events(db.jdbc);
    private final Timelines timelines = new Timelines(db.jdbc);
    private final Messages messages = new Messages(db.jdbc, new MessageCompletions(db.jdbc), db.blobs);

    @BeforeEach
    void partner() {
        db.clean();
        new Partners(db.jdbc, TestDatabase.CLOCK).add(supplier(ACME, "ACMESUPPLY"));
    }

    private io.seamline.model.message.ArchivedMessage received(byte content) {
        return messages.archive(
                new IncomingMessage(
                        Direction.INBOUND,
                        Channel.EDI,
                        "HTTP",
                        MessageFormat.X12,
                        ACME,
                        new byte[] {content},
                        null,
                        null),
                TestDatabase.NOW);
    }

    private static CanonicalEvent commitment(MessageId message, String po) {
        return new CanonicalEvent(
                UUID.randomUUID().toString(),
                "/partners/acme-supply/edi",
                TestDatabase.NOW,
                ACME,
                message,
                Channel.EDI,
                new CommitmentUpdated(
                        po,
                        List.of(new CommitmentUpdated.Line(
                                "1", new BigDecimal("80"), LocalDate.of(2026, 12, 4), "AI", null, null)),
                        "short"));
    }

    @Test
    void storesEachEventOnceAndFindsItByMessageAndSubject() {
        var message = received((byte) 1);
        var event = commitment(message.id(), "4500012345");

        events.append(event);
        events.append(event);

        assertThat(events.fromMessage(message.id())).containsExactly(event);
        assertThat(events.about("po/4500012345")).containsExactly(event);
    }

    @Test
    void keepsAnEventsAttributesOnceItsDataPackedAndReadsEventsWrittenBefore() {
        var message = received((byte) 3);
        var event = commitment(message.id(), "4500012399");
        events.append(event);
        byte[] packed = db.jdbc
                .sql("select data_packed from event where id = cast(:id as uuid) and data is null")
                .param("id", event.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(PackedJson.EVENTS.unpack(packed))
                .as("data alone")
                .doesNotContain("specversion", "acme-supply")
                .contains("4500012399");

        var dataAsJson = olderEvent(message.id(), "written before V31");
        var before = olderEvent(message.id(), "written before V20");
        writtenAsBefore(dataAsJson, "source, data", "cast(:source as text), cast(:data as jsonb)");
        writtenAsBefore(before, "cloud_event", "cast(:envelope as jsonb)");

        assertThat(events.fromMessage(message.id())).containsExactly(event, dataAsJson, before);
    }

    private static CanonicalEvent olderEvent(MessageId message, String note) {
        return noted("/partners/acme-supply/edi", message, note);
    }

    /** Acme's commitment with no lines, only a note, from {@code source} and read from {@code message}. */
    private static CanonicalEvent noted(String source, MessageId message, String note) {
        return new CanonicalEvent(
                UUID.randomUUID().toString(),
                source,
                TestDatabase.NOW,
                ACME,
                message,
                Channel.EDI,
                new CommitmentUpdated("4500012399", List.of(), note));
    }

    /** An event row as an older version wrote it: its data as JSON (V20 to V30), or the whole envelope (before V20). */
    private void writtenAsBefore(CanonicalEvent event, String columns, String values) {
        db.jdbc
                .sql("insert into event (id, type, subject, partner_id, message_id, channel, time, " + columns + ")"
                        + " values (cast(:id as uuid), :type, 'po/4500012399', 'acme-supply', :message, 'EDI', :time, "
                        + values + ")")
                .param("id", event.id())
                .param("type", event.type())
                .param("message", event.message().value())
                .param("time", java.sql.Timestamp.from(event.time()))
                .param("source", event.source())
                .param("data", io.seamline.mappings.cloudevents.CloudEventsJson.writeData(event))
                .param("envelope", io.seamline.mappings.cloudevents.CloudEventsJson.write(event))
                .update();
    }

    @Test
    void anEventRowWithoutItsDataAnywhereIsRefusedByARuleValidatedOnEveryPartition() {
        assertThat(db.jdbc
                        .sql("select bool_and(convalidated) from pg_constraint where conname = 'event_data_somewhere'")
                        .query(Boolean.class)
                        .single())
                .as("relaxed without a scan under an exclusive lock (V28, V31), validated after (V32)")
                .isTrue();
        var message = received((byte) 9);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.jdbc
                        .sql("insert into event (id, type, subject, partner_id, message_id, channel, time)"
                                + " values (gen_random_uuid(), 'io.seamline.po.commitment.updated.v1', 'po/1',"
                                + " 'acme-supply', :message, 'EDI', now())")
                        .param("message", message.id().value())
                        .update())
                .hasMessageContaining("event_data_somewhere");
    }

    @Test
    void aSourceThatOnlyNamesTheEventsMessageIsNotStoredAndIsReadBackAsItWas() {
        var message = received((byte) 4);
        var fromTheMessage = noted("/seamline/messages/" + message.id(), message.id(), "derived");
        var elsewhere = commitment(message.id(), "4500012377");
        var anotherMessage = received((byte) 5);
        var namingAnotherMessage = noted("/seamline/messages/" + anotherMessage.id(), message.id(), "kept");
        events.append(fromTheMessage);
        events.append(elsewhere);
        events.append(namingAnotherMessage);

        assertThat(db.jdbc
                        .sql("select source from event where message_id = :message order by seq")
                        .param("message", message.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(null, "/partners/acme-supply/edi", "/seamline/messages/" + anotherMessage.id());
        assertThat(events.fromMessage(message.id())).containsExactly(fromTheMessage, elsewhere, namingAnotherMessage);
        assertThat(events.find(UUID.fromString(fromTheMessage.id())))
                .get()
                .extracting(CanonicalEvent::source)
                .isEqualTo("/seamline/messages/" + message.id());
    }

    @Test
    void recordsAStepOnceUnderItsKeyAndShowsPartnersOnlyTheirEntries() {
        var po = Subject.purchaseOrder("4500012345");
        var decision = new TimelineEntry(
                0,
                po,
                TestDatabase.NOW,
                TimelineKind.DECISION,
                "Line 1 date slip of 1 day accepted",
                "system",
                Map.of("rule", "commitment.date-slip", "ruleVersion", 1, "outcome", "APPLIED"),
                true,
                null);
        var internal = new TimelineEntry(
                0,
                po,
                TestDatabase.NOW.plusSeconds(1),
                TimelineKind.TASK,
                "Buyer notified",
                "system",
                Map.of(),
                false,
                null);

        timelines.append(decision, "msg-1/line-1/decision");
        timelines.append(decision, "msg-1/line-1/decision");
        timelines.append(internal, null);
        timelines.append(internal, null);

        assertThat(timelines.of(po, false)).hasSize(3);
        assertThat(timelines.of(po, true)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.DECISION);
            assertThat(e.details())
                    .containsEntry("rule", "commitment.date-slip")
                    .containsEntry("ruleVersion", 1);
        });
    }

    @Test
    void aStepRecordedAgainMonthsLaterIsNotRecordedTwice() {
        // the second time falls in another month's partition, where no unique index of the first one reaches
        var po = Subject.purchaseOrder("4500012346");
        for (var at : List.of(TestDatabase.NOW, TestDatabase.NOW.plus(java.time.Duration.ofDays(70)))) {
            timelines.append(
                    new TimelineEntry(
                            0, po, at, TimelineKind.DECISION, "Date slip accepted", "system", Map.of(), true, null),
                    "msg-2/line-1/decision");
        }

        assertThat(timelines.of(po, false)).singleElement().satisfies(e -> assertThat(e.at())
                .isEqualTo(TestDatabase.NOW));
    }

    @Test
    void writesATransactionsEntriesInOrderAtCommitAndNoneOnRollback() {
        var po = Subject.purchaseOrder("4500012345");
        db.transactions.executeWithoutResult(tx -> {
            for (int line = 1; line <= 30; line++) {
                timelines.append(entry(po, "line " + line), "msg-2/line-" + line);
            }
            timelines.append(entry(po, "line 1 again"), "msg-2/line-1");
            assertThat(db.jdbc
                            .sql("select count(*) from timeline_entry")
                            .query(Long.class)
                            .single())
                    .as("held back until commit")
                    .isZero();
            assertThat(timelines.of(po, false)).as("a read sees them").hasSize(30);
            timelines.append(entry(po, "after the read"), null);
        });
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(entry(po, "rolled back"), null);
            tx.setRollbackOnly();
        });

        assertThat(timelines.of(po, false))
                .extracting(TimelineEntry::summary)
                .startsWith("line 1", "line 2", "line 3")
                .endsWith("line 30", "after the read")
                .hasSize(31)
                .doesNotContain("line 1 again", "rolled back");
    }

    @Test
    void whatATransactionRecordsOfOneMessageOnOneSubjectIsOneRowReadBackAsEveryEntry() {
        var shipment = Subject.parse("shipment/ASN-1");
        var po = Subject.purchaseOrder("4500012345");
        var message = received((byte) 2).id();
        var ack = messages.archiveOnce(
                        new IncomingMessage(
                                Direction.OUTBOUND,
                                Channel.EDI,
                                "SFTP",
                                MessageFormat.X12,
                                ACME,
                                new byte[] {4},
                                null,
                                null),
                        TestDatabase.NOW,
                        "ack:" + message,
                        "997",
                        io.seamline.model.message.ControlNumbers.none(),
                        message)
                .id();
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(shipment, TimelineKind.MESSAGE, "214 received", true, message), "m:214:message");
            for (int status = 1; status <= 5; status++) {
                timelines.append(
                        on(shipment, TimelineKind.EVENT, "status " + status, true, message), "e" + status + ":event");
                timelines.append(
                        on(shipment, TimelineKind.CORRELATION, "matched " + status, false, message),
                        "e" + status + ":correlation");
                timelines.append(on(po, TimelineKind.EVENT, "status " + status, true, message), "e" + status + ":po");
            }
            timelines.append(
                    on(shipment, TimelineKind.DECISION, "shipment.delay v1: APPLY", false, message), "d", message);
            timelines.append(on(shipment, TimelineKind.DECISION, "shipment.delay v1: ESCALATE", false, message), "d2");
            timelines.append(
                    on(shipment, TimelineKind.RESPONSE, "997 for interchange 1", true, ack), "ack:1:response", message);
        });

        assertThat(db.jdbc
                        .sql("select count(*) from timeline_entry")
                        .query(Long.class)
                        .single())
                .as("one row per message and subject (with the decision inside tolerance), one for the decision"
                        + " a person takes")
                .isEqualTo(3);
        assertThat(timelines.of(shipment, false))
                .extracting(TimelineEntry::summary)
                .containsExactly(
                        "214 received",
                        "status 1",
                        "matched 1",
                        "status 2",
                        "matched 2",
                        "status 3",
                        "matched 3",
                        "status 4",
                        "matched 4",
                        "status 5",
                        "matched 5",
                        "shipment.delay v1: APPLY",
                        "shipment.delay v1: ESCALATE",
                        "997 for interchange 1");
        assertThat(timelines.of(shipment, true))
                .as("a partner sees no correlation or decision")
                .extracting(TimelineEntry::kind)
                .containsOnly(TimelineKind.MESSAGE, TimelineKind.EVENT, TimelineKind.RESPONSE)
                .hasSize(7);
        assertThat(timelines.ofMessage(message, false)).hasSize(18);
        assertThat(timelines.ofMessage(ack, true))
                .as("the acknowledgement, folded with the interchange it answers, is still its own message's")
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.summary()).isEqualTo("997 for interchange 1");
                    assertThat(entry.messageId()).isEqualTo(ack);
                });

        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(shipment, TimelineKind.MESSAGE, "214 received", true, message), "m:214:message");
            timelines.append(on(shipment, TimelineKind.EVENT, "status 1", true, message), "e1:event");
        });
        assertThat(timelines.of(shipment, false))
                .as("reprocessed: recorded once")
                .hasSize(14);
    }

    private static TimelineEntry on(
            Subject subject, TimelineKind kind, String summary, boolean visible, MessageId message) {
        return new TimelineEntry(
                0,
                subject,
                java.time.Instant.now(),
                kind,
                summary,
                "partner:acme-supply",
                Map.of("n", summary),
                visible,
                message);
    }

    @Test
    void aReceiptOfSeveralKilobytesStaysInItsRow() {
        var po = Subject.purchaseOrder("4500012345");
        var message = received((byte) 3).id();
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(po, TimelineKind.MESSAGE, "855 received", true, message), "big:message");
            for (int line = 1; line <= 160; line++) {
                // identifiers compress little: ~20 KB of them stay over 3 KB once compressed
                timelines.append(
                        on(po, TimelineKind.EVENT, "line " + line + " " + java.util.UUID.randomUUID(), true, message),
                        "big:" + line);
            }
        });

        assertThat(db.jdbc
                        .sql("select pg_column_size(folded_packed) from timeline_entry")
                        .query(Integer.class)
                        .single())
                .as("over the 2 KB at which PostgreSQL would move it out of the row")
                .isGreaterThan(2100);
        assertThat(db.jdbc
                        .sql("select sum(pg_relation_size(reltoastrelid)) from pg_class"
                                + " where oid in (select relid from pg_partition_tree('timeline_entry') where isleaf)")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(timelines.of(po, false)).hasSize(161);
    }

    @Test
    void foldedEntriesAreKeptCompressedOutOfPostgresqlsJsonAndRowsWrittenBeforeAsJsonAreStillRead() {
        var po = Subject.purchaseOrder("4500012345");
        var message = received((byte) 6).id();
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(po, TimelineKind.MESSAGE, "855 received", true, message), "m:855:message");
            for (int line = 1; line <= 20; line++) {
                timelines.append(
                        on(
                                po,
                                TimelineKind.EVENT,
                                "line " + line + " ACCEPTED for 2026-12-" + (10 + line),
                                true,
                                message),
                        "e:" + line);
            }
        });
        var row = db.jdbc
                .sql("select folded is null as json_gone, folded_entries, octet_length(folded_packed) as size,"
                        + " get_byte(folded_packed, 0) as version from timeline_entry")
                .query((rs, n) -> List.of(
                        rs.getBoolean("json_gone"),
                        rs.getInt("folded_entries"),
                        rs.getInt("size"),
                        rs.getInt("version")))
                .single();
        assertThat(row.get(0)).as("no jsonb").isEqualTo(true);
        assertThat(row.get(1)).as("the entries it holds, for retention's count").isEqualTo(20);
        assertThat((Integer) row.get(2))
                .as("20 entries of ~200 bytes of JSON each, compressed")
                .isLessThan(1000);
        assertThat(row.get(3)).as("the packing's version").isEqualTo(1);

        var before = Subject.purchaseOrder("4500012399");
        foldedAsBefore(
                before,
                "855 received",
                message,
                "[{\"kind\": \"EVENT\", \"summary\": \"written before V30\", \"actor\": \"system\","
                        + " \"visible\": true, \"after\": 5}]");
        assertThat(timelines.of(before, true))
                .extracting(TimelineEntry::summary)
                .containsExactly("855 received", "written before V30");
        assertThat(timelines.of(po, true)).hasSize(21).last().satisfies(last -> {
            assertThat(last.summary()).isEqualTo("line 20 ACCEPTED for 2026-12-30");
            assertThat(last.details()).isEqualTo(Map.of("n", "line 20 ACCEPTED for 2026-12-30"));
            assertThat(last.messageId()).isEqualTo(message);
        });
    }

    /** A message's timeline row as versions before V30 wrote it: its folded entries as {@code jsonb}. */
    private void foldedAsBefore(Subject subject, String summary, MessageId message, String folded) {
        db.jdbc
                .sql("insert into timeline_entry (subject, at, kind, summary, actor, details, partner_visible,"
                        + " message_id, folded) values (:subject, :at, 'MESSAGE', :summary, 'partner:acme-supply',"
                        + " '{}', true, :message, cast(:folded as jsonb))")
                .param("subject", subject.toString())
                .param("at", java.sql.Timestamp.from(TestDatabase.NOW))
                .param("summary", summary)
                .param("message", message.value())
                .param("folded", folded)
                .update();
    }

    @Test
    void anErasureFindsAndRedactsAPersonInJsonKeptPackedAndInRowsWrittenBefore() {
        var po = Subject.purchaseOrder("4500012345");
        var message = received((byte) 7).id();
        String person = "Erin.Vale@Bright-Textiles.example";
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(po, TimelineKind.MESSAGE, "mail received", true, message), "m:mail:message");
            timelines.append(on(po, TimelineKind.EVENT, "commitment from " + person, true, message), "e:1");
            timelines.append(on(po, TimelineKind.EVENT, "nobody's data", true, message), "e:2");
        });
        var other = received((byte) 8).id();
        db.transactions.executeWithoutResult(tx -> {
            timelines.append(on(po, TimelineKind.MESSAGE, "mail received", true, other), "m:other:message");
            timelines.append(on(po, TimelineKind.EVENT, "another person's", true, other), "e:3");
        });
        foldedAsBefore(
                po,
                "older",
                other,
                "[{\"kind\": \"EVENT\", \"summary\": \"from erin.vale@bright-textiles.example\","
                        + " \"actor\": \"system\", \"visible\": true}]");
        var carrying = new CanonicalEvent(
                UUID.randomUUID().toString(),
                "/seamline/messages/" + message,
                TestDatabase.NOW,
                ACME,
                message,
                Channel.EMAIL,
                new CommitmentUpdated("4500012345", List.of(), "call ERIN.VALE@bright-textiles.example"));
        events.append(carrying);
        events.append(commitment(message, "4500012345"));
        var store = new ErasureStore(db.jdbc);
        String pattern = "erin\\.vale\\@bright\\-textiles\\.example";

        assertThat(store.count(pattern))
                .containsEntry("timeline_entry.folded", 2L)
                .containsEntry("event.data", 1L);
        Map<String, Long> redacted =
                db.transactions.execute(tx -> store.redactText(pattern, "[redacted: erasure 1234]"));
        assertThat(redacted).containsEntry("timeline_entry.folded", 2L).containsEntry("event.data", 1L);

        assertThat(timelines.of(po, false))
                .extracting(TimelineEntry::summary)
                .contains("commitment from [redacted: erasure 1234]", "from [redacted: erasure 1234]")
                .contains("nobody's data", "another person's")
                .noneMatch(summary -> summary.toLowerCase(java.util.Locale.ROOT).contains("erin.vale"))
                .hasSize(7);
        assertThat(timelines.of(po, false))
                .filteredOn(e -> e.summary().startsWith("commitment from"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.details()).isEqualTo(Map.of("n", "commitment from [redacted: erasure 1234]")));
        assertThat(events.find(UUID.fromString(carrying.id())))
                .get()
                .extracting(e -> ((CommitmentUpdated) e.data()).note())
                .isEqualTo("call [redacted: erasure 1234]");
        assertThat(store.count(pattern)).doesNotContainKeys("timeline_entry.folded", "event.data");
    }

    @Test
    void aTransactionStartedInsideAnotherWritesItsOwnEntriesWhenItCommits() {
        var po = Subject.purchaseOrder("4500012345");
        var inner = new org.springframework.transaction.support.TransactionTemplate(
                db.transactions.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        db.transactions.executeWithoutResult(tx -> {
            timelines.append(entry(po, "outer, rolled back"), null);
            inner.executeWithoutResult(t -> timelines.append(entry(po, "inner, committed"), null));
            timelines.append(entry(po, "outer again, rolled back"), null);
            tx.setRollbackOnly();
        });

        assertThat(timelines.of(po, false)).extracting(TimelineEntry::summary).containsExactly("inner, committed");
    }

    private static TimelineEntry entry(Subject subject, String summary) {
        return new TimelineEntry(
                0, subject, TestDatabase.NOW, TimelineKind.DECISION, summary, "system", Map.of(), true, null);
    }

    @Test
    void aDeliveryThatWentThroughIsItsOutboxRowReadAsAnEntryOnlyWhereItBelongs() {
        var outbox = new Outbox(db.jdbc, db.blobs);
        var cause = received((byte) 7);
        var ours = messages.archive(
                new IncomingMessage(
                        Direction.OUTBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, new byte[] {9}, null, null),
                TestDatabase.NOW);
        messages.describe(ours.id(), ACME, "997", new ControlNumbers("000000905", List.of("905"), List.of("0001")));
        Subject po = Subject.purchaseOrder("4500012345");
        var answer = delivery(ours.id(), ChannelKind.SFTP, "/sftp/acme-supply/out", po);
        var writeBack = delivery(MessageId.random(), ChannelKind.FILE, "/outbox/erp", po);
        var waiting = delivery(MessageId.random(), ChannelKind.FILE, "/outbox/erp", po);
        var elsewhere =
                delivery(MessageId.random(), ChannelKind.FILE, "/outbox/erp", Subject.purchaseOrder("4500099999"));
        db.transactions.executeWithoutResult(tx -> {
            outbox.enqueue(answer, "answer");
            for (var held : List.of(writeBack, waiting, elsewhere)) {
                outbox.hold(
                        held,
                        new HeldDocument("application/json", null, "commitment.applied", cause.id()),
                        held.id().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "held:" + held.id());
            }
        });
        var at = TestDatabase.NOW.plusSeconds(2);
        db.transactions.executeWithoutResult(tx -> {
            outbox.delivered(answer.id(), at);
            outbox.delivered(writeBack.id(), at);
            outbox.delivered(elsewhere.id(), at);
        });

        assertThat(db.jdbc
                        .sql("select count(*) from timeline_entry")
                        .query(Long.class)
                        .single())
                .as("no timeline row repeats a delivery")
                .isZero();
        List<TimelineEntry> ops = timelines.of(po, false);
        assertThat(ops)
                .extracting(TimelineEntry::kind, TimelineEntry::summary, TimelineEntry::at, TimelineEntry::messageId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                TimelineKind.DELIVERY, "997 000000905 delivered", at, ours.id()),
                        org.assertj.core.groups.Tuple.tuple(
                                TimelineKind.ERP_WRITEBACK,
                                "ERP write-back commitment.applied delivered",
                                at,
                                cause.id()));
        assertThat(ops.stream()
                        .filter(e -> e.kind() == TimelineKind.DELIVERY)
                        .findFirst()
                        .orElseThrow())
                .satisfies(e -> {
                    assertThat(e.partnerVisible()).isTrue();
                    assertThat(e.details())
                            .containsEntry("attempt", 1)
                            .containsEntry("messageId", ours.id().toString())
                            .containsEntry("channel", "SFTP")
                            .containsEntry("target", "/sftp/acme-supply/out");
                });
        assertThat(ops.stream()
                        .filter(e -> e.kind() == TimelineKind.ERP_WRITEBACK)
                        .findFirst()
                        .orElseThrow())
                .satisfies(e -> {
                    assertThat(e.partnerVisible()).isFalse();
                    assertThat(e.details())
                            .containsEntry("documentId", writeBack.messageId().toString());
                });
        assertThat(timelines.of(po, true))
                .as("a partner sees its answer delivered, never the write-back to our ERP")
                .extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.DELIVERY);
        assertThat(timelines.of(Subject.purchaseOrder("4500099999"), true))
                .as("another PO's partner view")
                .isEmpty();
        assertThat(timelines.ofMessage(ours.id(), true))
                .extracting(TimelineEntry::summary)
                .containsExactly("997 000000905 delivered");
        assertThat(timelines.ofMessage(cause.id(), false))
                .extracting(TimelineEntry::summary)
                .containsExactly(
                        "ERP write-back commitment.applied delivered", "ERP write-back commitment.applied delivered");
        assertThat(timelines.ofMessage(cause.id(), true)).isEmpty();
    }

    @Test
    void aDeliveryAboutNoSubjectIsAnEntryOnTheTimelineOfTheMessageItDelivered() {
        var outbox = new Outbox(db.jdbc, db.blobs);
        var ours = messages.archive(
                new IncomingMessage(
                        Direction.OUTBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, new byte[] {5}, null, null),
                TestDatabase.NOW);
        var answer =
                Fixtures.pending(ours.id(), ACME, ChannelKind.SFTP, "/sftp/acme-supply/out", TestDatabase.NOW, null);
        db.transactions.executeWithoutResult(tx -> outbox.enqueue(answer, "answer"));
        assertThat(timelines.of(new Subject(Subject.MESSAGE, ours.id().toString()), false))
                .as("not delivered yet")
                .isEmpty();

        db.transactions.executeWithoutResult(tx -> outbox.delivered(answer.id(), TestDatabase.NOW.plusSeconds(1)));

        assertThat(timelines.of(new Subject(Subject.MESSAGE, ours.id().toString()), true))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(TimelineKind.DELIVERY);
                    assertThat(e.summary()).isEqualTo("message delivered");
                    assertThat(e.subject())
                            .isEqualTo(new Subject(Subject.MESSAGE, ours.id().toString()));
                });
        assertThat(timelines.of(new Subject(Subject.MESSAGE, MessageId.random().toString()), false))
                .as("another message's timeline")
                .isEmpty();
        assertThat(timelines.of(new Subject(Subject.MESSAGE, "not-a-uuid"), false))
                .isEmpty();
    }

    private static OutboundDelivery delivery(MessageId message, ChannelKind channel, String target, Subject subject) {
        return Fixtures.pending(
                message,
                channel == ChannelKind.SFTP ? ACME : null,
                channel,
                target,
                TestDatabase.NOW,
                subject.toString());
    }
}
