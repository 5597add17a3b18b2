package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.Window;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesIT {

    private static final Instant T0 = TestDatabase.NOW;

    private final TestDatabase db = TestDatabase.get();
    private final MessageCompletions completions = new MessageCompletions(db.jdbc);
    private final Messages messages = new Messages(db.jdbc, completions, db.blobs);
    private final MessageSearch search = new MessageSearch(db.jdbc, completions);
    private final Outbox outbox = new Outbox(db.jdbc, db.blobs);

    @BeforeEach
    void partners() {
        db.clean();
        var partners = new Partners(db.jdbc, TestDatabase.CLOCK);
        partners.add(supplier(ACME, "ACMESUPPLY"));
        partners.add(supplier(GLOBEX, "GLOBEX"));
    }

    private static IncomingMessage edi(PartnerId partner, String text) {
        return new IncomingMessage(
                Direction.INBOUND,
                Channel.EDI,
                "HTTP",
                MessageFormat.X12,
                partner,
                text.getBytes(StandardCharsets.UTF_8),
                "application/edi-x12",
                null);
    }

    @Test
    void keepsTheExactBytesWithTheirHash() {
        byte[] raw = {'I', 'S', 'A', '*', 0x15, (byte) 0xE2, (byte) 0x80, (byte) 0xA6};
        var archived = messages.archive(
                new IncomingMessage(
                        Direction.INBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, raw, null, "a.edi"),
                T0);

        assertThat(archived.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(archived.sizeBytes()).isEqualTo(raw.length);
        assertThat(archived.sha256()).isEqualTo(Messages.sha256(raw)).hasSize(64);
        assertThat(messages.content(archived.id(), PartnerScope.everyone())).hasValue(raw);
        assertThat(archived.receivedAt()).isEqualTo(T0);
    }

    @Test
    void theBytesAreInTheBlobStoreBeforeTheRowThatNamesThem() {
        byte[] raw = "ISA*blob".getBytes(StandardCharsets.UTF_8);
        var archived = messages.archive(edi(ACME, "ISA*blob"), T0);

        var row = db.jdbc
                .sql("select content, blob_key from message where id = :id")
                .param("id", archived.id().value())
                .query((rs, n) -> java.util.Map.entry(
                        java.util.Optional.ofNullable(rs.getBytes("content")), rs.getString("blob_key")))
                .single();
        assertThat(row.getKey()).isEmpty();
        assertThat(row.getValue()).isEqualTo(archived.sha256());
        assertThat(db.blobs.get(row.getValue())).hasValue(raw);
    }

    @Test
    void bytesWrittenIntoTheRowBeforeTheBlobStoreAreMovedOnlineAndReadTheSameBeforeAndAfter() {
        byte[] legacy = "UNB+UNOC:3+legacy".getBytes(StandardCharsets.UTF_8);
        var id = java.util.UUID.randomUUID();
        db.jdbc
                .sql(
                        """
                        insert into message (id, direction, channel, format, partner_id, status, sha256, size_bytes,
                            content, received_at)
                        values (:id, 'INBOUND', 'EDI', 'EDIFACT', :partner, 'PROCESSED', :sha, :size, :content, :at)""")
                .param("id", id)
                .param("partner", ACME.value())
                .param("sha", Messages.sha256(legacy))
                .param("size", legacy.length)
                .param("content", legacy)
                .param("at", java.sql.Timestamp.from(T0))
                .update();
        var messageId = io.seamline.model.message.MessageId.parse(id.toString());
        assertThat(messages.content(messageId, PartnerScope.everyone())).hasValue(legacy);

        int moved = db.transactions.execute(status -> messages.moveBytesToBlobs(10));
        int again = db.transactions.execute(status -> messages.moveBytesToBlobs(10));

        assertThat(moved).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(messages.content(messageId, PartnerScope.everyone())).hasValue(legacy);
        assertThat(messages.withContent(messageId).orElseThrow().content()).isEqualTo(legacy);
        assertThat(db.blobs.get(Messages.sha256(legacy))).hasValue(legacy);
    }

    @Test
    void queuesOutboundMessages() {
        var outbound = messages.archive(
                new IncomingMessage(
                        Direction.OUTBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, new byte[] {1}, null, null),
                T0);

        assertThat(outbound.status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void hidesOtherPartnersMessagesAndTheirBytes() {
        var globex = messages.archive(edi(GLOBEX, "ISA*globex"), T0);

        assertThat(messages.find(globex.id(), PartnerScope.only(ACME))).isEmpty();
        assertThat(messages.content(globex.id(), PartnerScope.only(ACME))).isEmpty();
        assertThat(messages.find(globex.id(), PartnerScope.only(GLOBEX))).isPresent();
    }

    @Test
    void recordsEnvelopeFactsAndFindsByControlNumber() {
        var m = messages.archive(edi(null, "ISA*1"), T0);

        messages.describe(
                m.id(), ACME, "855", new ControlNumbers("000000905", List.of("905"), List.of("0001", "0002")));

        var query = new MessageQuery(PartnerScope.only(ACME), null, null, null, "0002", null, null, Window.first(10));
        var described = search.list(query).items();
        assertThat(described).singleElement().satisfies(d -> {
            assertThat(d.partnerId()).isEqualTo(ACME);
            assertThat(d.documentType()).isEqualTo("855");
            assertThat(d.controlNumbers().groups()).containsExactly("905");
        });
    }

    @Test
    void movesStatusOnlyFromTheExpectedOnes() {
        var m = messages.archive(edi(ACME, "ISA*2"), T0);

        assertThat(messages.transition(
                        m.id(), List.of(MessageStatus.RECEIVED), MessageStatus.PROCESSED, null, T0.plusSeconds(1)))
                .isTrue();
        assertThat(messages.transition(
                        m.id(), List.of(MessageStatus.RECEIVED), MessageStatus.REJECTED, "late", T0.plusSeconds(2)))
                .isFalse();
        var read = messages.find(m.id(), PartnerScope.everyone()).orElseThrow();
        assertThat(read.status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(read.processedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void findsTheOriginalOfRepeatedContent() {
        var first = messages.archive(edi(ACME, "ISA*same"), T0);
        messages.describe(first.id(), ACME, "855", ControlNumbers.interchange("000000001"));
        var again = messages.archive(edi(ACME, "ISA*same"), T0.plusSeconds(5));
        messages.describe(again.id(), ACME, "855", ControlNumbers.interchange("000000001"));
        var other = messages.archive(edi(GLOBEX, "ISA*other"), T0.plusSeconds(6));
        messages.describe(other.id(), GLOBEX, "855", ControlNumbers.interchange("000000001"));

        var againRead = messages.find(again.id(), PartnerScope.everyone()).orElseThrow();
        assertThat(messages.sameContentAs(againRead, List.of(MessageStatus.RECEIVED)))
                .map(x -> x.id())
                .hasValue(first.id());
        var otherRead = messages.find(other.id(), PartnerScope.everyone()).orElseThrow();
        assertThat(messages.sameContentAs(otherRead, List.of(MessageStatus.RECEIVED)))
                .isEmpty();
        assertThat(messages.sameContentAs(
                        messages.find(first.id(), PartnerScope.everyone()).orElseThrow(),
                        List.of(MessageStatus.RECEIVED)))
                .isEmpty();
        assertThat(messages.sameContentAs(againRead, List.of(MessageStatus.PROCESSED)))
                .isEmpty();
    }

    @Test
    void aMessageWaitingIsRequeuedUnderThePurchaseOrderItCameUnderElseItsSender() {
        var aboutOnePo = messages.receive(edi(ACME, "a"), T0, null, ControlNumbers.none(), "po/4500012345");
        var aboutSeveral = messages.receive(edi(ACME, "b"), T0.plusSeconds(1), null, ControlNumbers.none(), null);

        assertThat(messages.receivedBefore(T0.plusSeconds(60), 10))
                .containsExactly(
                        new Messages.Waiting(aboutOnePo.id(), "po/4500012345"),
                        new Messages.Waiting(aboutSeveral.id(), ACME.value()));
    }

    @Test
    void onlyMessagesStillReceivedWaitAndAReopenedOneWaitsAgain() {
        var completed = messages.archive(edi(ACME, "c"), T0);
        var failed = messages.archive(edi(ACME, "f"), T0.plusSeconds(1));
        var waiting = messages.archive(edi(ACME, "w"), T0.plusSeconds(2));
        messages.archive(outbound("ISA*997"), T0);
        db.transactions.executeWithoutResult(tx -> completions.complete(new MessageCompletions.Completed(
                completed.id(), null, null, null, null, MessageStatus.PROCESSED, null, T0.plusSeconds(9))));
        messages.transition(failed.id(), List.of(MessageStatus.RECEIVED), MessageStatus.FAILED, "broken", T0);

        assertThat(messages.receivedBefore(T0.plusSeconds(60), 10))
                .extracting(Messages.Waiting::id)
                .containsExactly(waiting.id());
        assertThat(db.jdbc
                        .sql("select count(*) from message_waiting")
                        .query(Long.class)
                        .single())
                .as("what ended leaves nothing behind")
                .isEqualTo(1);

        assertThat(messages.reopen(failed.id(), "fixed")).isTrue();
        assertThat(messages.reopen(failed.id(), "twice")).as("RECEIVED already").isFalse();
        assertThat(messages.receivedBefore(T0.plusSeconds(60), 10))
                .extracting(Messages.Waiting::id)
                .as("oldest first, as they came in")
                .containsExactly(failed.id(), waiting.id());
    }

    @Test
    void aStatusChangeWritesNoIndexEntry() {
        var inbound = messages.archive(edi(ACME, "hot"), T0);
        var outbound = messages.archive(outbound("ISA*hot"), T0);
        var delivery = toAcme(outbound);
        outbox.enqueue(delivery);
        messages.transition(outbound.id(), List.of(MessageStatus.QUEUED), MessageStatus.FAILED, "refused", T0);

        db.transactions.executeWithoutResult(tx -> {
            List<Long> before = updates();
            completions.complete(new MessageCompletions.Completed(
                    inbound.id(), null, null, null, null, MessageStatus.PROCESSED, null, T0.plusSeconds(9)));
            outbox.delivered(delivery.id(), T0.plusSeconds(9));
            messages.find(inbound.id(), PartnerScope.everyone()).orElseThrow();
            List<Long> after = updates();
            assertThat(List.of(after.get(0) - before.get(0), after.get(1) - before.get(1)))
                    .as("both updates stayed on their page: no index names the status")
                    .containsExactly(2L, 2L);
        });
    }

    /** This connection's updates of message (all its partitions), and those of them that stayed on their page. */
    private List<Long> updates() {
        return db.jdbc
                .sql("select sum(n_tup_upd), sum(n_tup_hot_upd) from pg_stat_xact_user_tables"
                        + " where relid in (select relid from pg_partition_tree('message'))")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    @Test
    void receivingTheSameIdentityAgainReturnsTheFirstMessage() {
        var first = messages.receive(edi(ACME, "a"), T0, "as2:<m1@acme>", ControlNumbers.none(), null);
        var again = messages.receive(edi(ACME, "a"), T0.plusSeconds(5), "as2:<m1@acme>", ControlNumbers.none(), null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.receivedAt()).isEqualTo(T0);
    }

    @Test
    void theSameIdentityReceivedAtOnceInTwoMonthsIsOneMessage() throws Exception {
        // two writers at once, their rows a month apart (two partitions: no unique index spans them)
        var firstWritten = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<ArchivedMessage> first = writers.submit(() -> db.transactions.execute(tx -> {
                var message = messages.receive(edi(ACME, "a"), T0, "as2:<once@acme>", ControlNumbers.none(), null);
                firstWritten.countDown();
                await(commitFirst);
                return message;
            }));
            assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ArchivedMessage> second = writers.submit(() -> db.transactions.execute(tx -> messages.receive(
                    edi(ACME, "a"), T0.plus(Duration.ofDays(40)), "as2:<once@acme>", ControlNumbers.none(), null)));
            awaitWaitingForALock();
            commitFirst.countDown();

            assertThat(second.get(10, TimeUnit.SECONDS).id())
                    .as("the second writer waited for the first and found its message")
                    .isEqualTo(first.get(10, TimeUnit.SECONDS).id());
            assertThat(db.jdbc
                            .sql("select count(*) from message")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        } finally {
            commitFirst.countDown();
            writers.shutdownNow();
        }
    }

    /** Until a session of the database waits for a transaction lock. */
    private void awaitWaitingForALock() {
        org.awaitility.Awaitility.await("a writer waiting for the step's lock")
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> db.jdbc
                                .sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listsByStatusDirectionAndTime() {
        messages.archive(edi(ACME, "a"), T0);
        messages.archive(edi(ACME, "b"), T0.plusSeconds(60));
        messages.archive(edi(GLOBEX, "c"), T0.plusSeconds(120));

        var window = new MessageQuery(
                PartnerScope.everyone(),
                null,
                MessageStatus.RECEIVED,
                Direction.INBOUND,
                null,
                T0.plusSeconds(30),
                T0.plusSeconds(120),
                Window.first(10));
        assertThat(search.list(window).total()).isEqualTo(1);
    }

    @Test
    void linksAMessageAndItsAcknowledgement() {
        var inbound = messages.archive(edi(ACME, "ISA*3"), T0);
        var ack = messages.archive(
                new IncomingMessage(
                        Direction.OUTBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, new byte[] {9}, null, null),
                T0);

        messages.linkAcknowledgement(inbound.id(), ack.id());

        assertThat(messages.find(inbound.id(), PartnerScope.everyone())
                        .orElseThrow()
                        .ackMessageId())
                .isEqualTo(ack.id());
        assertThat(messages.find(ack.id(), PartnerScope.everyone())
                        .orElseThrow()
                        .relatedMessageId())
                .isEqualTo(inbound.id());
    }

    @Test
    void bytesStoredForAStepRecordedAlreadyGoToTheGarbage() {
        var first = messages.archiveOnce(outbound("ISA*made at 1"), T0, "ack:step", "997", ControlNumbers.none(), null);
        var again = messages.archiveOnce(
                outbound("ISA*made at 2"), T0.plusSeconds(60), "ack:step", "997", ControlNumbers.none(), null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(messages.content(first.id(), PartnerScope.everyone()))
                .hasValue("ISA*made at 1".getBytes(StandardCharsets.UTF_8));
        assertThat(db.jdbc
                        .sql("select blob_key from blob_garbage")
                        .query(String.class)
                        .list())
                .as("the second bytes, which no row names")
                .contains(Messages.sha256("ISA*made at 2".getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(first.sha256());
    }

    @Test
    void messagesArchivedOneAfterAnotherAreNeighboursInTheIndexesOfTheirIdsAndSteps() {
        var inbound = new java.util.ArrayList<java.util.UUID>();
        for (int i = 0; i < 60; i++) {
            Instant at = T0.plusMillis(i);
            var received = messages.archive(edi(ACME, "ISA*" + i), at);
            inbound.add(received.id().value());
            messages.archiveOnce(
                    outbound("ISA*997 " + i),
                    at,
                    received.id() + ":respond",
                    "997",
                    ControlNumbers.none(),
                    received.id());
        }

        assertThat(db.jdbc
                        .sql("select id from message where direction = 'INBOUND' order by id")
                        .query(java.util.UUID.class)
                        .list())
                .as("in the order they came, as PostgreSQL sorts their ids")
                .containsExactlyElementsOf(inbound);
        assertThat(db.jdbc
                        .sql("select related_message_id from message where step is not null order by step")
                        .query(java.util.UUID.class)
                        .list())
                .as("each answer's step key after the time of the message it answers")
                .containsExactlyElementsOf(inbound);
        assertThat(db.jdbc
                        .sql("select id from message where direction = 'OUTBOUND' order by id")
                        .query(java.util.UUID.class)
                        .list())
                .containsExactlyElementsOf(db.jdbc
                        .sql(
                                "select id from message where direction = 'OUTBOUND' order by received_at, related_message_id")
                        .query(java.util.UUID.class)
                        .list());
    }

    @Test
    void aStepKeyWithoutATimeOrderedIdIsTheMd5TheMigrationsGaveTheRowsBeforeIt() {
        String key = "3ee6c117-e84e-4555-89cc-d1df40d9a6ee:respond"; // a message received before (version 4)

        assertThat(Columns.step(key))
                .isEqualTo(db.jdbc
                        .sql("select md5(:key)::uuid")
                        .param("key", key)
                        .query(java.util.UUID.class)
                        .single());
    }

    private static IncomingMessage outbound(String text) {
        return new IncomingMessage(
                Direction.OUTBOUND,
                Channel.EDI,
                "sftp",
                MessageFormat.X12,
                ACME,
                text.getBytes(StandardCharsets.UTF_8),
                "application/edi-x12",
                null);
    }

    private String statusInTheTable(io.seamline.model.message.MessageId id) {
        return db.jdbc
                .sql("select status from message where id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }

    @Test
    void aBatchOfClaimedMessagesIsWrittenOnceEachWhenItsTransactionCommits() {
        var first = messages.archive(edi(ACME, "ISA*b1"), T0);
        var second = messages.archive(edi(ACME, "ISA*b2"), T0.plusSeconds(1));
        var taken = messages.archive(edi(ACME, "ISA*b3"), T0.plusSeconds(2));
        messages.transition(taken.id(), List.of(MessageStatus.RECEIVED), MessageStatus.FAILED, "earlier", T0);
        var ack = messages.archive(outbound("ISA*997"), T0);
        var controls = new ControlNumbers("000000905", List.of("905"), List.of("0001", "0002"));

        db.transactions.executeWithoutResult(tx -> {
            var claimed = messages.claimAll(List.of(second.id(), first.id(), taken.id()));
            assertThat(claimed)
                    .as("the RECEIVED ones, oldest first, with their bytes")
                    .extracting(stored -> stored.message().id())
                    .containsExactly(first.id(), second.id());
            assertThat(new String(claimed.get(0).content(), StandardCharsets.UTF_8))
                    .isEqualTo("ISA*b1");
            completions.complete(new MessageCompletions.Completed(
                    first.id(), ACME, "855", controls, ack.id(), MessageStatus.PROCESSED, null, T0.plusSeconds(9)));
            completions.complete(new MessageCompletions.Completed(
                    second.id(), null, null, null, null, MessageStatus.REJECTED, "unreadable", T0.plusSeconds(9)));
            completions.complete(new MessageCompletions.Completed(
                    taken.id(), null, null, null, null, MessageStatus.PROCESSED, null, T0.plusSeconds(9)));
            assertThat(statusInTheTable(first.id()))
                    .as("held back until commit")
                    .isEqualTo("RECEIVED");
        });

        var done = messages.find(first.id(), PartnerScope.everyone()).orElseThrow();
        assertThat(done.status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(done.processedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(done.documentType()).isEqualTo("855");
        assertThat(done.controlNumbers()).isEqualTo(controls);
        assertThat(done.ackMessageId()).isEqualTo(ack.id());
        var rejected = messages.find(second.id(), PartnerScope.everyone()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("unreadable");
        assertThat(rejected.controlNumbers().groups())
                .as("nothing described, nothing changed")
                .isEmpty();
        assertThat(messages.find(taken.id(), PartnerScope.everyone())
                        .orElseThrow()
                        .status())
                .as("no longer RECEIVED: keeps its status")
                .isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void batchesOfOneMessageWithAndWithoutWhatReadingItToldShareOneStatementPostgreSQLPlansOnce() {
        try (var connection = db.oneConnection()) {
            var jdbc = connection.jdbc();
            var ownCompletions = new MessageCompletions(jdbc);
            var transactions = connection.transactions();
            var controls = new ControlNumbers("000000906", List.of("906"), List.of("0001"));
            var read = new java.util.ArrayList<ArchivedMessage>();
            var unreadable = new java.util.ArrayList<ArchivedMessage>();
            for (int i = 0; i < 12; i++) {
                var message = messages.archive(edi(ACME, "ISA*one" + i), T0.plusSeconds(i));
                boolean told = i % 2 == 0;
                (told ? read : unreadable).add(message);
                transactions.executeWithoutResult(tx -> ownCompletions.complete(
                        told
                                ? new MessageCompletions.Completed(
                                        message.id(),
                                        ACME,
                                        "855",
                                        controls,
                                        null,
                                        MessageStatus.PROCESSED,
                                        null,
                                        T0.plusSeconds(60))
                                : new MessageCompletions.Completed(
                                        message.id(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        MessageStatus.REJECTED,
                                        "unreadable",
                                        T0.plusSeconds(60))));
            }

            assertThat(read).allSatisfy(m -> {
                var done = messages.find(m.id(), PartnerScope.everyone()).orElseThrow();
                assertThat(done.status()).isEqualTo(MessageStatus.PROCESSED);
                assertThat(done.documentType()).isEqualTo("855");
                assertThat(done.controlNumbers()).isEqualTo(controls);
            });
            assertThat(unreadable).allSatisfy(m -> {
                var done = messages.find(m.id(), PartnerScope.everyone()).orElseThrow();
                assertThat(done.status()).isEqualTo(MessageStatus.REJECTED);
                assertThat(done.statusReason()).isEqualTo("unreadable");
            });
            assertThat(db.jdbc
                            .sql("select count(*) from message_waiting")
                            .query(Long.class)
                            .single())
                    .as("each one ended, none waits")
                    .isZero();
            assertThat(jdbc.sql("select generic_plans from pg_prepared_statements"
                                    + " where statement like '%update message m set partner_id%'")
                            .query(Long.class)
                            .list())
                    .as("server-side statements of a batch's completion, by their generic plans")
                    .singleElement()
                    .satisfies(generic -> assertThat(generic).isPositive());
        }
    }

    @Test
    void anOutboundMessageThatWentOutReadsDeliveredByItsDeliveryWithoutANewVersionOfItsRow() {
        var sent = messages.archive(outbound("ISA*sent"), T0);
        var waiting = messages.archive(outbound("ISA*waiting"), T0);
        var bounced = messages.archive(outbound("ISA*bounced"), T0);
        var deliveries = java.util.stream.Stream.of(sent, waiting, bounced)
                .map(MessagesIT::toAcme)
                .toList();
        deliveries.forEach(outbox::enqueue);
        List<String> versionsBefore = rowVersions();

        db.transactions.executeWithoutResult(tx -> {
            outbox.delivered(deliveries.get(0).id(), T0.plusSeconds(5));
            outbox.delivered(deliveries.get(2).id(), T0.plusSeconds(6));
            assertThat(messages.find(sent.id(), PartnerScope.everyone()).orElseThrow())
                    .as("read in the transaction that recorded the delivery")
                    .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED));
        });
        assertThat(rowVersions())
                .as("the message rows are as they were queued: their deliveries say they went out")
                .isEqualTo(versionsBefore);
        assertThat(statusInTheTable(sent.id())).isEqualTo("QUEUED");

        assertThat(messages.find(sent.id(), PartnerScope.everyone()).orElseThrow())
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
                    assertThat(m.processedAt()).as("when it went out").isEqualTo(T0.plusSeconds(5));
                });
        assertThat(messages.find(waiting.id(), PartnerScope.everyone()).orElseThrow())
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
                    assertThat(m.processedAt()).isNull();
                });
        var delivered = new MessageQuery(
                PartnerScope.only(ACME),
                null,
                MessageStatus.DELIVERED,
                Direction.OUTBOUND,
                null,
                null,
                null,
                Window.first(10));
        assertThat(search.list(delivered).items())
                .extracting(ArchivedMessage::id)
                .containsExactlyInAnyOrder(sent.id(), bounced.id());
        assertThat(search.list(new MessageQuery(
                                PartnerScope.only(GLOBEX),
                                null,
                                MessageStatus.DELIVERED,
                                null,
                                null,
                                null,
                                null,
                                Window.first(10)))
                        .total())
                .as("another partner's scope")
                .isZero();

        assertThat(messages.transition(
                        bounced.id(),
                        List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED),
                        MessageStatus.FAILED,
                        "bounced: mailbox unknown",
                        T0.plusSeconds(60)))
                .as("a bounce after it went out")
                .isTrue();
        assertThat(messages.find(bounced.id(), PartnerScope.everyone()).orElseThrow())
                .as("the row's FAILED stands over the delivery that went through")
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
                    assertThat(m.statusReason()).isEqualTo("bounced: mailbox unknown");
                });
        assertThat(search.list(delivered).items())
                .extracting(ArchivedMessage::id)
                .containsExactly(sent.id());
    }

    @Test
    void aMessageThatFailedAndThenWentOutIsDeliveredInItsRowAndAReadInTheTransactionSeesIt() {
        var first = messages.archive(outbound("ISA*o1"), T0);
        var second = messages.archive(outbound("ISA*o2"), T0);
        var firstDelivery = toAcme(first);
        var secondDelivery = toAcme(second);
        outbox.enqueue(firstDelivery);
        outbox.enqueue(secondDelivery);
        for (var failed : List.of(first, second)) {
            messages.transition(
                    failed.id(), List.of(MessageStatus.QUEUED), MessageStatus.FAILED, "refused", T0.plusSeconds(1));
        }

        db.transactions.executeWithoutResult(tx -> {
            outbox.delivered(firstDelivery.id(), T0.plusSeconds(5));
            outbox.delivered(secondDelivery.id(), T0.plusSeconds(6));
            assertThat(statusInTheTable(first.id())).as("held back").isEqualTo("FAILED");
            assertThat(messages.find(first.id(), PartnerScope.everyone())
                            .orElseThrow()
                            .status())
                    .as("a read of the archive writes them first")
                    .isEqualTo(MessageStatus.DELIVERED);
        });

        assertThat(statusInTheTable(second.id())).isEqualTo("DELIVERED");
        assertThat(messages.find(second.id(), PartnerScope.everyone()).orElseThrow())
                .satisfies(m -> {
                    assertThat(m.processedAt()).isEqualTo(T0.plusSeconds(6));
                    assertThat(m.statusReason()).isNull();
                });
    }

    /** A delivery of an outbound message to Acme's folder, waiting for its first attempt. */
    private static io.seamline.model.outbox.OutboundDelivery toAcme(ArchivedMessage message) {
        return Fixtures.pending(
                message.id(), ACME, io.seamline.model.partner.ChannelKind.SFTP, "/partners/acme/in", T0, null);
    }

    /** Where each message row's version is and which transaction wrote it: both change when a row is rewritten. */
    private List<String> rowVersions() {
        return db.jdbc
                .sql("select id || ' ' || ctid || ' ' || xmin from message order by id")
                .query(String.class)
                .list();
    }
}
