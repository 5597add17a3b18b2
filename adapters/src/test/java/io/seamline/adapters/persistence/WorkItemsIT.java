package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks, SLA expectations, the outbox and control sequences: the gateway's work items. */
class WorkItemsIT {

    private static final Instant T0 = TestDatabase.NOW;
    private static final Subject PO = Subject.purchaseOrder("4500012345");

    private final TestDatabase db = TestDatabase.get();
    private final Tasks tasks = new Tasks(db.jdbc);
    private final Expectations expectations = new Expectations(db.jdbc);
    private final Outbox outbox = new Outbox(db.jdbc, db.blobs);
    private final ControlSequences sequences =
            new ControlSequences(db.jdbc, db.transactions.getTransactionManager(), 3);

    @BeforeEach
    void partner() {
        db.clean();
        new Partners(db.jdbc, TestDatabase.CLOCK).add(supplier(ACME, "ACMESUPPLY"));
    }

    private static Task task(TaskKind kind) {
        return new Task(
                TaskId.random(),
                kind,
                PO,
                ACME,
                TaskStatus.OPEN,
                "Line 2 slips 9 days past need-by",
                Map.of("line", "2", "slipDays", 9),
                List.of(Map.of("action", "APPROVE", "why", "buffer stock covers 10 days")),
                T0,
                T0.plus(Duration.ofHours(8)),
                null,
                null,
                null,
                null);
    }

    @Test
    void opensATaskOncePerStepAndRecordsOneDecision() {
        var task = task(TaskKind.COMMITMENT_CHANGE);
        assertThat(tasks.open(task, "msg-1/line-2")).isTrue();
        assertThat(tasks.open(task(TaskKind.COMMITMENT_CHANGE), "msg-1/line-2")).isFalse();

        assertThat(tasks.decide(task.id(), Decision.APPROVE, "ops", "buffer covers it", T0.plusSeconds(60)))
                .isTrue();
        assertThat(tasks.decide(task.id(), Decision.REJECT, "ops2", "no", T0.plusSeconds(61)))
                .isFalse();

        var decided = tasks.find(task.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(TaskStatus.DECIDED);
        assertThat(decided.decision()).isEqualTo(Decision.APPROVE);
        assertThat(decided.decidedBy()).isEqualTo("ops");
        assertThat(decided.context()).containsEntry("slipDays", 9);
        assertThat(decided.suggestions()).hasSize(1);
    }

    @Test
    void listsTasksByStatusAndKind() {
        tasks.open(task(TaskKind.COMMITMENT_CHANGE), null);
        var hold = task(TaskKind.CUSTOMS_HOLD);
        tasks.open(hold, null);
        tasks.close(hold.id(), TaskStatus.RESOLVED, "released", T0);

        assertThat(tasks.list(new TaskQuery(TaskStatus.OPEN, null, null, null, Window.first(10)))
                        .total())
                .isEqualTo(1);
        assertThat(tasks.list(new TaskQuery(null, TaskKind.CUSTOMS_HOLD, ACME, PO.toString(), Window.first(10)))
                        .items())
                .singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.RESOLVED));
        assertThatThrownBy(() -> tasks.close(hold.id(), TaskStatus.DECIDED, "x", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensFulfilsAndBreachesExpectations() {
        var ack = new Expectation(
                UUID.randomUUID(),
                "ack.997",
                PO,
                ACME,
                ExpectationStatus.OPEN,
                T0,
                T0.plusSeconds(3600),
                T0.plusSeconds(86400),
                null,
                "ISA 000000905",
                null,
                null,
                null,
                null,
                null);
        var confirm = new Expectation(
                UUID.randomUUID(),
                "po.855",
                PO,
                ACME,
                ExpectationStatus.OPEN,
                T0,
                null,
                T0.plusSeconds(172800),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        expectations.open(ack, "850-905/997");
        expectations.open(
                new Expectation(
                        UUID.randomUUID(),
                        ack.kind(),
                        PO,
                        ACME,
                        ExpectationStatus.OPEN,
                        T0,
                        null,
                        ack.dueAt(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                "850-905/997");
        expectations.open(confirm, "850-905/855");
        assertThat(expectations.about(PO)).as("one per step key").hasSize(2);

        assertThat(expectations.fulfil("ack.997", PO, null, T0.plusSeconds(600), null))
                .isEqualTo(1);
        var overdue = expectations.overdue(T0.plusSeconds(200000), 10);
        assertThat(overdue).extracting(Expectation::kind).containsExactly("po.855");
        assertThat(expectations.breach(confirm.id(), T0.plusSeconds(200000), null))
                .isTrue();
        assertThat(expectations.breach(confirm.id(), T0.plusSeconds(200001), null))
                .isFalse();
        assertThat(expectations.about(PO))
                .extracting(Expectation::status)
                .containsExactlyInAnyOrder(ExpectationStatus.FULFILLED, ExpectationStatus.BREACHED);
    }

    /** Rows this connection inserted and updated in sla_expectation, as PostgreSQL counts them. */
    private long[] writes() {
        return db.jdbc
                .sql("select n_tup_ins, n_tup_upd from pg_stat_xact_user_tables where relname = 'sla_expectation'")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    @Test
    void anExpectationMetInTheTransactionThatOpenedItIsOneRowWrittenAlreadyMet() {
        var opened = Expectation.open("shipment.status", PO, ACME, T0, null, T0.plusSeconds(3600), null, null);
        long[] writes = db.transactions.execute(tx -> {
            long[] before = writes();
            expectations.open(opened, "214-1/status-1");
            assertThat(expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(60), null))
                    .isEqualTo(1);
            expectations.open(
                    Expectation.open("shipment.status", PO, ACME, T0, null, T0.plusSeconds(3600), null, null),
                    "214-1/status-2");
            expectations.about(PO); // writes what the transaction held back
            long[] after = writes();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });

        assertThat(writes).as("inserted, updated").containsExactly(2, 0);
        assertThat(expectations.about(PO))
                .extracting(Expectation::status, Expectation::closedAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ExpectationStatus.FULFILLED, T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple(ExpectationStatus.OPEN, null));
        assertThat(expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(7200), null))
                .as("the open one, after the transaction, late")
                .isEqualTo(1);
        assertThat(expectations.about(PO))
                .extracting(Expectation::status)
                .containsExactlyInAnyOrder(ExpectationStatus.FULFILLED, ExpectationStatus.LATE);
    }

    @Test
    void theStatusesOfA214MeetTheHeartbeatWithOneAskOfTheTableUntilTheTransactionWritesANewOne() {
        expectations.open(
                Expectation.open("shipment.status", PO, ACME, T0, null, T0.plusSeconds(3600), null, MessageId.random()),
                "214-0/status-1");
        MessageId the214 = MessageId.random();
        long[] outcome = db.transactions.execute(tx -> {
            long before = tableReads();
            int met = 0;
            for (int status = 1; status <= 5; status++) {
                met += expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(status), the214);
                expectations.open(
                        Expectation.open("shipment.status", PO, ACME, T0, null, T0.plusSeconds(3600), null, the214),
                        "214-1/status-" + status);
            }
            long asked = tableReads() - before;
            expectations.about(PO); // writes the last status's heartbeat: the table holds an open one again
            int metAfterTheWrite =
                    expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(60), MessageId.random());
            return new long[] {met, asked, metAfterTheWrite};
        });

        assertThat(outcome[0])
                .as("the earlier 214's heartbeat, then each status the one before it opened")
                .isEqualTo(5);
        assertThat(outcome[1]).as("asks of the table").isEqualTo(1);
        assertThat(outcome[2])
                .as("once the transaction wrote one, the table is asked again")
                .isEqualTo(1);
    }

    /** This connection's reads of the expectations so far in its transaction (scans of the table or its indexes). */
    private long tableReads() {
        return db.jdbc
                .sql("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_xact_user_tables"
                        + " where relname = 'sla_expectation'")
                .query(Long.class)
                .single();
    }

    @Test
    void anExpectationMetByTheMessageThatOpenedItIsNotKeptWhileOneAnotherMessageMeetsIs() {
        MessageId first214 = MessageId.random();
        MessageId second214 = MessageId.random();
        long[] writes = db.transactions.execute(tx -> {
            long[] before = writes();
            // the first 214's three statuses: each meets the heartbeat the one before opened, the last stays open
            for (int status = 1; status <= 3; status++) {
                expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(status), first214);
                expectations.open(
                        Expectation.open("shipment.status", PO, ACME, T0, null, T0.plusSeconds(3600), null, first214),
                        "214-1/status-" + status);
            }
            // another message in the same transaction meets what the first left open: that one was owed
            assertThat(expectations.fulfil("shipment.status", PO, null, T0.plusSeconds(60), second214))
                    .isEqualTo(1);
            expectations.about(PO);
            long[] after = writes();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });

        assertThat(writes).as("inserted, updated").containsExactly(1, 0);
        assertThat(expectations.about(PO)).singleElement().satisfies(kept -> {
            assertThat(kept.status()).isEqualTo(ExpectationStatus.FULFILLED);
            assertThat(kept.openedBy()).isEqualTo(first214);
            assertThat(kept.fulfilledBy()).isEqualTo(second214);
        });
        assertThat(db.jdbc
                        .sql("select count(*) from sla_expectation where step_key is not null")
                        .query(Long.class)
                        .single())
                .as("no step of the dropped ones was recorded either")
                .isEqualTo(1);
    }

    @Test
    void retriesADeliveryThenGivesUpVisibly() {
        var message = new Messages(db.jdbc, new MessageCompletions(db.jdbc), db.blobs)
                .archive(
                        new IncomingMessage(
                                Direction.OUTBOUND,
                                Channel.EDI,
                                "SFTP",
                                MessageFormat.X12,
                                ACME,
                                new byte[] {1},
                                null,
                                null),
                        T0);
        var delivery = toAcme(message.id());
        outbox.enqueue(delivery);

        outbox.attemptFailed(delivery.id(), "connection refused", T0.plusSeconds(30));
        assertThat(claim(T0.plusSeconds(10))).isEmpty();
        assertThat(claim(T0.plusSeconds(30))).hasSize(1);

        outbox.attemptFailed(delivery.id(), "connection refused", null);
        var failed = outbox.find(delivery.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo("connection refused");

        assertThat(outbox.retry(delivery.id(), T0.plusSeconds(60))).isTrue();
        outbox.delivered(delivery.id(), T0.plusSeconds(61));
        assertThat(outbox.forMessage(message.id())).singleElement().satisfies(d -> assertThat(d.status())
                .isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void deliveriesWithAndWithoutAPartnerOrADocumentInTurnShareOneStatementPostgreSQLPlansOnce() {
        try (var connection = db.oneConnection()) {
            var jdbc = connection.jdbc();
            var outbox = new Outbox(jdbc, db.blobs);
            var transactions = connection.transactions();
            byte[] json = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 12; i++) {
                int n = i;
                if (n % 2 == 0) {
                    // to the ERP: no partner, a document held
                    transactions.executeWithoutResult(s -> outbox.hold(
                            toTheErp(MessageId.random()),
                            new HeldDocument("application/json", null, "x", null),
                            json,
                            "erp:plan:" + n));
                } else {
                    // to a partner: no document
                    outbox.enqueue(toAcme(MessageId.random()), "997:plan:" + n);
                }
            }
            var statements = jdbc.sql("select generic_plans from pg_prepared_statements"
                            + " where statement like '%insert into outbox (%'")
                    .query(Long.class)
                    .list();
            assertThat(statements)
                    .as("server-side statements of the delivery insert, by their generic plans")
                    .singleElement()
                    .satisfies(generic -> assertThat(generic).isPositive());
        }
    }

    private static OutboundDelivery toAcme(MessageId message) {
        return pending(message, ACME, ChannelKind.SFTP, "/partners/acme/in");
    }

    private static OutboundDelivery toTheErp(MessageId document) {
        return pending(document, null, ChannelKind.HTTP, "http://erp.example/outcomes");
    }

    private static OutboundDelivery pending(MessageId message, PartnerId partner, ChannelKind channel, String target) {
        return Fixtures.pending(message, partner, channel, target, T0, "po/4500000001");
    }

    @Test
    void aDocumentItsDeliveryHoldsIsStoredOnceWithItsBytesAndReadBackAsTheOutboundMessageItStandsFor() {
        byte[] json = "{\"type\":\"invoice.approved\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageId id = MessageId.random();
        MessageId cause = MessageId.random();
        var document = new HeldDocument("application/json", "a.json", "invoice.approved", cause);
        OutboundDelivery delivery = toTheErp(id);

        Boolean first = db.transactions.execute(s -> outbox.hold(delivery, document, json, "erp:step"));
        Boolean again = db.transactions.execute(s -> outbox.hold(toTheErp(id), document, json, "erp:step"));
        assertThat(first).isTrue();
        assertThat(again).as("the same step again").isFalse();
        byte[] later = "{\"type\":\"invoice.approved\",\"at\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Boolean laterAgain = db.transactions.execute(s ->
                outbox.hold(toTheErp(id), new HeldDocument("application/json", null, "x", cause), later, "erp:step"));
        assertThat(laterAgain).isFalse();
        assertThat(db.jdbc
                        .sql("select blob_key from blob_garbage")
                        .query(String.class)
                        .list())
                .as("the bytes of the step taken again, which no row names, go to the garbage")
                .contains(Messages.sha256(later));

        assertThat(db.blobs.get(Messages.sha256(json))).hasValue(json);
        assertThat(db.jdbc.sql("select count(*) from message").query(Long.class).single())
                .as("no message row")
                .isZero();
        var held = db.transactions.execute(s -> outbox.claimDue(T0, 10).held());
        assertThat(held).containsOnlyKeys(id);
        var stored = held.get(id);
        assertThat(stored.content()).isEqualTo(json);
        assertThat(stored.message().channel()).isEqualTo(Channel.ERP);
        assertThat(stored.message().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(stored.message().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(stored.message().documentType()).isEqualTo("invoice.approved");
        assertThat(stored.message().relatedMessageId()).isEqualTo(cause);
        assertThat(stored.message().sha256()).isEqualTo(Messages.sha256(json));
        assertThat(stored.message().sizeBytes()).isEqualTo(json.length);

        outbox.delivered(delivery.id(), T0.plusSeconds(1));
        assertThat(outbox.held(List.of(delivery)).get(id).message().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void recordingADeliveryLeavesItsOutboxRowAsItWasAndNothingToClaim() {
        byte[] json = "{\"type\":\"shipment.advised\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageId id = MessageId.random();
        OutboundDelivery delivery = toTheErp(id);
        db.transactions.execute(
                s -> outbox.hold(delivery, new HeldDocument("application/json", null, "x", null), json, "erp:hot"));
        OutboundDelivery failing = toTheErp(id);
        outbox.enqueue(failing);

        db.transactions.executeWithoutResult(tx -> {
            List<Long> before = outboxUpdates();
            outbox.delivered(delivery.id(), T0.plusSeconds(1));
            OutboundDelivery recorded = outbox.find(delivery.id()).orElseThrow();
            List<Long> after = outboxUpdates();
            assertThat(after.get(0) - before.get(0))
                    .as("no new version of the outbox row: a narrow row of outbox_delivered says it went through")
                    .isZero();
            assertThat(recorded.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(recorded.attempts()).isEqualTo(1);
            assertThat(recorded.deliveredAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(recorded.nextAttemptAt()).isNull();
        });
        outbox.attemptFailed(failing.id(), "refused", null);

        assertThat(claim(T0.plusSeconds(3600)))
                .as("one delivered, one failed for good")
                .isEmpty();
        assertThat(outbox.failed(10)).extracting(OutboundDelivery::id).containsExactly(failing.id());
        assertThat(outbox.retry(failing.id(), T0.plusSeconds(5))).isTrue();
        assertThat(outbox.retry(failing.id(), T0.plusSeconds(5)))
                .as("pending already")
                .isFalse();
        assertThat(claim(T0.plusSeconds(5))).extracting(OutboundDelivery::id).containsExactly(failing.id());
        assertThat(outbox.failed(10)).isEmpty();
    }

    @Test
    void aDeliveryRefusedAfterItWentThroughIsFailedForGoodAndCanBeRetried() {
        byte[] json = "{\"type\":\"shipment.advised\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OutboundDelivery delivery = toTheErp(MessageId.random());
        db.transactions.execute(
                s -> outbox.hold(delivery, new HeldDocument("application/json", null, "x", null), json, "erp:mdn"));
        db.transactions.executeWithoutResult(tx -> outbox.delivered(delivery.id(), T0.plusSeconds(1)));
        assertThat(outbox.find(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);

        // an asynchronous receipt says the partner refused it after all
        outbox.attemptFailed(delivery.id(), "MDN: processed/error: decryption-failed", null);

        OutboundDelivery failed = outbox.find(delivery.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.deliveredAt()).isNull();
        assertThat(failed.lastError()).contains("decryption-failed");
        assertThat(outbox.failed(10)).extracting(OutboundDelivery::id).containsExactly(delivery.id());
        assertThat(outbox.retry(delivery.id(), T0.plusSeconds(5))).isTrue();
        assertThat(claim(T0.plusSeconds(5))).extracting(OutboundDelivery::id).containsExactly(delivery.id());
    }

    /** This connection's updates of outbox, and those of them that stayed on their page. */
    private List<Long> outboxUpdates() {
        return db.jdbc
                .sql("select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'outbox'")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    @Test
    void neverHandsTheSameDeliveryToTwoSendersAtOnce() throws Exception {
        var message = new Messages(db.jdbc, new MessageCompletions(db.jdbc), db.blobs)
                .archive(
                        new IncomingMessage(
                                Direction.OUTBOUND,
                                Channel.EDI,
                                "SFTP",
                                MessageFormat.X12,
                                ACME,
                                new byte[] {1},
                                null,
                                null),
                        T0);
        outbox.enqueue(new OutboundDelivery(
                UUID.randomUUID(),
                message.id(),
                ACME,
                ChannelKind.SFTP,
                "x",
                DeliveryStatus.PENDING,
                0,
                T0,
                null,
                T0,
                null,
                null));
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var first = executor.submit(() -> db.transactions.execute(s -> {
                var rows = outbox.claimDue(T0, 10).deliveries();
                claimed.countDown();
                await(release);
                return rows;
            }));
            claimed.await(10, TimeUnit.SECONDS);
            List<OutboundDelivery> second =
                    db.transactions.execute(s -> outbox.claimDue(T0, 10).deliveries());
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(second).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void issuesControlNumbersInSequencePerPartnerAndKindAndWraps() {
        assertThat(sequences.next(ACME, "interchange", 999_999_999)).isEqualTo(1);
        assertThat(sequences.next(ACME, "interchange", 999_999_999)).isEqualTo(2);
        assertThat(sequences.next(ACME, "group", 999_999_999)).isEqualTo(1);
        assertThat(sequences.next(ACME, "tiny", 2)).isEqualTo(1);
        assertThat(sequences.next(ACME, "tiny", 2)).isEqualTo(2);
        assertThat(sequences.next(ACME, "tiny", 2)).isEqualTo(1);
    }

    @Test
    void anotherNodeOrARestartNeverIssuesANumberTwiceAndNoCallerWaitsForAnothersCommit() throws Exception {
        var otherNode = new ControlSequences(db.jdbc, db.transactions.getTransactionManager(), 3);
        var issued = new java.util.ArrayList<Long>();
        // a caller's transaction that has taken numbers and not committed yet does not hold the sequence
        db.transactions.executeWithoutResult(open -> {
            issued.add(sequences.next(ACME, "interchange", 999_999_999));
            var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                issued.add(executor.submit(() -> otherNode.next(ACME, "interchange", 999_999_999))
                        .get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                executor.shutdownNow();
            }
        });
        for (int i = 0; i < 7; i++) {
            issued.add(sequences.next(ACME, "interchange", 999_999_999));
            issued.add(otherNode.next(ACME, "interchange", 999_999_999));
        }
        var restarted = new ControlSequences(db.jdbc, db.transactions.getTransactionManager(), 3);
        issued.add(restarted.next(ACME, "interchange", 999_999_999));

        assertThat(issued).doesNotHaveDuplicates().hasSize(17);
    }

    private List<OutboundDelivery> claim(Instant now) {
        return db.transactions.execute(s -> outbox.claimDue(now, 10).deliveries());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
