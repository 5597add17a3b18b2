package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.persistence.RetentionStore.Scope;
import io.seamline.model.Subject;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.retention.RetentionClass;
import io.seamline.model.sla.Expectation;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention against a real PostgreSQL: what is old and needed by nothing goes, in batches, leaving its row or a
 * tombstone; what a legal hold, an open task, an open SLA expectation or an unsettled invoice needs stays, whichever
 * of the message's subjects they name.
 */
class RetentionStoreIT {

    private static final Instant OLD = TestDatabase.NOW.minus(Duration.ofDays(400));
    private static final Instant NOW = TestDatabase.NOW;
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(180));

    private final TestDatabase db = TestDatabase.get();
    private final MessageCompletions completions = new MessageCompletions(db.jdbc);
    private final Messages messages = new Messages(db.jdbc, completions, db.blobs);
    private final RetentionStore store = new RetentionStore(db.jdbc, db.blobs);
    private final LegalHolds holds = new LegalHolds(db.jdbc);

    @BeforeEach
    void partners() {
        db.clean();
        db.jdbc
                .sql("truncate legal_hold, tombstone, blob_garbage, invoice, sla_alert, deduction")
                .update();
        var partners = new Partners(db.jdbc, TestDatabase.CLOCK);
        partners.add(supplier(ACME, "ACMESUPPLY"));
        partners.add(supplier(GLOBEX, "GLOBEX"));
    }

    private ArchivedMessage old(PartnerId partner, String text, String poSubject) {
        var message = db.transactions.execute(s -> messages.receive(
                new IncomingMessage(
                        Direction.INBOUND,
                        Channel.EDI,
                        "SFTP",
                        MessageFormat.X12,
                        partner,
                        text.getBytes(StandardCharsets.UTF_8),
                        null,
                        null),
                OLD,
                null,
                null,
                poSubject));
        db.jdbc
                .sql("update message set status = 'PROCESSED' where id = :id")
                .param("id", message.id().value())
                .update();
        return message;
    }

    private UUID event(ArchivedMessage message, String type, String subject) {
        UUID id = UUID.randomUUID();
        db.jdbc
                .sql("insert into event (id, type, subject, partner_id, message_id, channel, time, cloud_event)"
                        + " values (:id, :type, :subject, :partner, :message, 'EDI', :at, cast('{}' as jsonb))")
                .param("id", id)
                .param("type", type)
                .param("subject", subject)
                .param("partner", message.partnerId().value())
                .param("message", message.id().value())
                .param("at", Timestamp.from(OLD))
                .update();
        return id;
    }

    private int purge(RetentionClass kind) {
        return db.transactions.execute(
                s -> store.purge(kind, CUTOFF, Scope.everyoneBut(List.of()), 100, NOW, "rule", "test"));
    }

    private boolean payloadKept(ArchivedMessage message) {
        return db.jdbc
                .sql("select payload_removed_at is null from message where id = :id")
                .param("id", message.id().value())
                .query(Boolean.class)
                .single();
    }

    @Test
    void oldBytesGoTheRowStaysWithHashAndRuleAndTheBlobIsDeletedOnceNoMessageNamesIt() {
        var message = old(ACME, "ISA*old", "po/1");
        long wouldGo = store.count(RetentionClass.PAYLOADS, CUTOFF, Scope.everyoneBut(List.of()));
        assertThat(wouldGo).isEqualTo(1);

        assertThat(purge(RetentionClass.PAYLOADS)).isEqualTo(1);
        assertThat(purge(RetentionClass.PAYLOADS)).isZero();

        assertThat(payloadKept(message)).isFalse();
        assertThat(messages.find(message.id(), PartnerScope.everyone())
                        .orElseThrow()
                        .sha256())
                .isEqualTo(message.sha256());
        assertThat(new String(
                        messages.content(message.id(), PartnerScope.everyone()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("removed (rule)");
        assertThat(db.blobs.get(message.sha256())).isPresent();
        int deleted = db.transactions.execute(s -> store.collectGarbage(NOW.plusSeconds(1), 10));
        assertThat(deleted).isEqualTo(1);
        assertThat(db.blobs.get(message.sha256())).isEmpty();
    }

    @Test
    void anInvoicesEventStaysWhileItsBytesDoSoTheyKeepTheirOwnRule() {
        var invoice = old(ACME, "ISA*810", null);
        event(invoice, InvoiceReceived.TYPE, null);
        var notice = old(ACME, "ISA*856", null);
        event(notice, "io.seamline.shipment.notice.v1", null);

        assertThat(purge(RetentionClass.EVENTS)).as("the ship notice's event").isEqualTo(1);
        assertThat(purge(RetentionClass.PAYLOADS)).as("the ship notice's bytes").isEqualTo(1);
        assertThat(payloadKept(invoice))
                .as("still an invoice's, for invoice-payloads")
                .isTrue();

        assertThat(purge(RetentionClass.INVOICE_PAYLOADS)).isEqualTo(1);
        assertThat(purge(RetentionClass.EVENTS)).as("now the invoice's event").isEqualTo(1);
    }

    @Test
    void aMessagesRowGoesOnceNothingNamesItLeavingOneTombstonePerPartnerAndDay() {
        var gone = old(ACME, "ISA*gone", null);
        var alsoGone = old(ACME, "ISA*also gone", null);
        var withEvent = old(ACME, "ISA*event", null);
        event(withEvent, "io.seamline.shipment.notice.v1", null);
        var pending = old(GLOBEX, "ISA*pending", null);
        db.jdbc
                .sql("insert into outbox (id, message_id, partner_id, channel, target, status, created_at)"
                        + " values (:id, :m, :p, 'EDI', 'sftp', 'PENDING', :at)")
                .param("id", UUID.randomUUID())
                .param("m", pending.id().value())
                .param("p", GLOBEX.value())
                .param("at", Timestamp.from(OLD))
                .update();
        var kept = old(GLOBEX, "ISA*kept", null);
        db.jdbc
                .sql("update message set payload_removed_at = :at, payload_removed_by = 'rule' where id <> :kept")
                .param("at", Timestamp.from(OLD.plusSeconds(60)))
                .param("kept", kept.id().value())
                .update();
        db.jdbc
                .sql("insert into tombstone (kind, record_id, subject, partner_id, purged_at, rule, purged_by, count)"
                        + " values ('EVENTS', :m, null, :p, :at, 'rule', 'test', 3),"
                        + " ('TIMELINE', 'po/9', 'po/9', :p, :at, 'rule', 'test', 4),"
                        + " ('TIMELINE', 'po/8', 'po/8', :p, :at, 'rule', 'test', 5)")
                .param("m", gone.id().toString())
                .param("p", ACME.value())
                .param("at", Timestamp.from(OLD))
                .update();

        assertThat(store.count(RetentionClass.MESSAGES, CUTOFF, Scope.everyoneBut(List.of())))
                .as("two rows, two tombstones to fold")
                .isEqualTo(4);
        assertThat(purge(RetentionClass.MESSAGES)).isEqualTo(4);
        assertThat(purge(RetentionClass.MESSAGES)).isZero();

        assertThat(db.jdbc.sql("select id from message").query(UUID.class).list())
                .as("named by an event, a delivery still pending, bytes still kept")
                .containsExactlyInAnyOrder(
                        withEvent.id().value(), pending.id().value(), kept.id().value());
        String day = OLD.toString().substring(0, 10);
        assertThat(db.jdbc
                        .sql("select kind || ':' || record_id || ':' || partner_id || ':' || count || ':'"
                                + " || (sha256 is not null) from tombstone order by kind")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "EVENTS:" + day + ":acme-supply:3:false",
                        "MESSAGES:" + day + ":acme-supply:2:true",
                        "TIMELINE:" + day + ":acme-supply:9:false");
    }

    /** An ERP write-back as {@link Outbox#hold} keeps it, queued at {@code at}, delivered or not. */
    private io.seamline.model.message.MessageId held(
            String json, Instant at, String subject, io.seamline.model.message.MessageId cause, boolean delivered) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        var id = io.seamline.model.message.MessageId.random();
        var delivery = Fixtures.pending(id, null, io.seamline.model.partner.ChannelKind.FILE, "/erp", at, subject);
        var outbox = new Outbox(db.jdbc, db.blobs);
        db.transactions.execute(s -> outbox.hold(
                delivery,
                new io.seamline.model.outbox.HeldDocument("application/json", null, "invoice.approved", cause),
                bytes,
                "erp:" + id));
        if (delivered) {
            db.transactions.execute(s -> {
                outbox.delivered(delivery.id(), at.plusSeconds(1));
                return null;
            });
        }
        return id;
    }

    private List<UUID> heldLeft() {
        return db.jdbc
                .sql("select message_id from outbox where blob_key is not null")
                .query(UUID.class)
                .list();
    }

    @Test
    void aDocumentItsDeliveryHoldsGoesOnceOldAndSettledWithItsBlobUnlessAHoldOrATaskKeepsIt() {
        var cause = old(ACME, "ISA*cause", null);
        var gone = held("{\"n\":1}", OLD, "po/1", null, true);
        var pending = held("{\"n\":2}", OLD, "po/2", null, false);
        var recent = held("{\"n\":3}", NOW.minus(Duration.ofDays(1)), "po/3", null, true);
        var heldPo = held("{\"n\":4}", OLD, "po/4500012345", null, true);
        var heldCause = held("{\"n\":5}", OLD, "po/5", cause.id(), true);
        var remembered = old(ACME, "ISA*remembered", null);
        db.jdbc
                .sql("insert into timeline_entry (subject, at, kind, summary, actor, message_id)"
                        + " values ('po/6', :at, 'ERP_WRITEBACK', 'Queued for the ERP', 'system', :m)")
                .param("at", Timestamp.from(OLD))
                .param("m", remembered.id().value())
                .update();
        var inTimeline = held("{\"n\":6}", OLD, "po/6", remembered.id(), true);
        holds.set("po/4500012345", "dispute", "legal", NOW);
        holds.set("message/" + cause.id(), "evidence", "legal", NOW);
        String goneKey = Messages.sha256("{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.count(RetentionClass.MESSAGES, CUTOFF, Scope.everyoneBut(List.of())))
                .isEqualTo(1);
        assertThat(purge(RetentionClass.MESSAGES)).isEqualTo(1);
        assertThat(purge(RetentionClass.MESSAGES)).isZero();

        assertThat(heldLeft())
                .as("still pending, recent, held by its PO, held by the message that caused it, that message's"
                        + " timeline still kept")
                .containsExactlyInAnyOrder(
                        pending.value(), recent.value(), heldPo.value(), heldCause.value(), inTimeline.value())
                .doesNotContain(gone.value());
        assertThat(db.jdbc
                        .sql("select kind || ':' || count from tombstone")
                        .query(String.class)
                        .list())
                .containsExactly("MESSAGES:1");
        int deleted = db.transactions.execute(s -> store.collectGarbage(NOW.plusSeconds(1), 10));
        assertThat(deleted).isEqualTo(1);
        assertThat(db.blobs.get(goneKey)).isEmpty();
        assertThat(db.blobs.get(Messages.sha256("{\"n\":4}".getBytes(StandardCharsets.UTF_8))))
                .isPresent();
    }

    @Test
    void aBlobADeliveryHoldsIsNotDeletedWhileItNamesIt() {
        var first = old(ACME, "{\"same\":true}", null);
        purge(RetentionClass.PAYLOADS);
        held("{\"same\":true}", NOW, "po/1", null, false);

        int deleted = db.transactions.execute(s -> store.collectGarbage(NOW.plusSeconds(1), 10));
        assertThat(deleted).isZero();
        assertThat(db.blobs.get(first.sha256())).isPresent();
    }

    @Test
    void aBlobAnotherMessageStoredAgainIsNotDeleted() {
        var first = old(ACME, "ISA*same bytes", null);
        purge(RetentionClass.PAYLOADS);
        var again = old(GLOBEX, "ISA*same bytes", null);

        db.transactions.execute(s -> store.collectGarbage(NOW.plusSeconds(1), 10));

        assertThat(messages.content(again.id(), PartnerScope.everyone()))
                .hasValue("ISA*same bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(first.sha256()).isEqualTo(again.sha256());
    }

    @Test
    void recentBytesStay() {
        var recent = db.transactions.execute(s -> messages.receive(
                new IncomingMessage(
                        Direction.INBOUND, Channel.EDI, "SFTP", MessageFormat.X12, ACME, new byte[] {1}, null, null),
                NOW.minus(Duration.ofDays(10)),
                null,
                null,
                null));

        purge(RetentionClass.PAYLOADS);

        assertThat(payloadKept(recent)).isTrue();
    }

    @Test
    void aLegalHoldOnThePoThePartnerOrTheMessageKeepsItUntilItIsLifted() {
        var byPo = old(ACME, "ISA*po", "po/4500012345");
        var byEventSubject = old(ACME, "ISA*shipment", null);
        event(byEventSubject, "io.seamline.shipment.notice.v1", "shipment/ASN-1");
        var byPartner = old(GLOBEX, "ISA*partner", null);
        var byMessage = old(ACME, "ISA*message", null);
        var free = old(ACME, "ISA*free", null);
        holds.set("po/4500012345", "dispute", "legal", NOW);
        holds.set("shipment/ASN-1", "claim", "legal", NOW);
        var partnerHold = holds.set("partner/" + GLOBEX.value(), "audit", "legal", NOW);
        holds.set("message/" + byMessage.id(), "evidence", "legal", NOW);

        assertThat(purge(RetentionClass.PAYLOADS)).isEqualTo(1);
        assertThat(payloadKept(free)).isFalse();
        assertThat(List.of(byPo, byEventSubject, byPartner, byMessage)).allMatch(this::payloadKept);

        holds.lift(partnerHold.id(), "audit closed", "legal", NOW);
        assertThat(purge(RetentionClass.PAYLOADS)).isEqualTo(1);
        assertThat(payloadKept(byPartner)).isFalse();
    }

    @Test
    void anOpenTaskAnOpenExpectationOrAnUnsettledInvoiceKeepTheirMessages() {
        var withTask = old(ACME, "ISA*task", "po/1");
        var withExpectation = old(ACME, "ISA*expectation", "po/2");
        var withInvoice = old(ACME, "ISA*invoice", null);
        db.jdbc
                .sql("insert into task (id, kind, subject, partner_id, status, summary, created_at)"
                        + " values (:id, 'COMMITMENT_CHANGE', 'po/1', :partner, 'OPEN', 'decide', :at)")
                .param("id", UUID.randomUUID())
                .param("partner", ACME.value())
                .param("at", Timestamp.from(OLD))
                .update();
        db.jdbc
                .sql("insert into sla_expectation (id, kind, subject, partner_id, status, opened_at, due_at)"
                        + " values (:id, 'po.acknowledgement', 'po/2', :partner, 'BREACHED', :at, :at)")
                .param("id", UUID.randomUUID())
                .param("partner", ACME.value())
                .param("at", Timestamp.from(OLD))
                .update();
        UUID invoiceEvent = event(withInvoice, InvoiceReceived.TYPE, "invoice/INV-1");
        db.jdbc
                .sql("insert into invoice (partner_id, invoice_number, kind, status, event_id, created_at, updated_at)"
                        + " values (:partner, 'INV-1', 'GOODS', 'EXCEPTION', :event, :at, :at)")
                .param("partner", ACME.value())
                .param("event", invoiceEvent)
                .param("at", Timestamp.from(OLD))
                .update();

        purge(RetentionClass.PAYLOADS);
        purge(RetentionClass.INVOICE_PAYLOADS);

        assertThat(List.of(withTask, withExpectation, withInvoice)).allMatch(this::payloadKept);
    }

    @Test
    void invoicesAreTheirOwnClass() {
        var invoice = old(ACME, "ISA*invoice", null);
        event(invoice, InvoiceReceived.TYPE, "invoice/INV-2");

        assertThat(purge(RetentionClass.PAYLOADS)).isZero();
        assertThat(purge(RetentionClass.INVOICE_PAYLOADS)).isEqualTo(1);
    }

    @Test
    void aPartnersOwnRuleCoversItsRecordsAndTheGeneralRuleTheRest() {
        var acme = old(ACME, "ISA*acme", null);
        var globex = old(GLOBEX, "ISA*globex", null);

        int general = db.transactions.execute(s ->
                store.purge(RetentionClass.PAYLOADS, CUTOFF, Scope.everyoneBut(List.of(GLOBEX)), 100, NOW, "r", "t"));

        assertThat(general).isEqualTo(1);
        assertThat(payloadKept(acme)).isFalse();
        assertThat(payloadKept(globex)).isTrue();
        int own = db.transactions.execute(
                s -> store.purge(RetentionClass.PAYLOADS, OLD.minusSeconds(1), Scope.only(GLOBEX), 100, NOW, "r", "t"));
        assertThat(own).isZero();
    }

    @Test
    void timelineEntriesTasksAndEventsGoWithATombstoneUnlessTheirSubjectIsNeeded() {
        for (String subject : List.of("po/10", "po/10", "po/11")) {
            db.jdbc
                    .sql(
                            "insert into timeline_entry (subject, at, kind, summary, actor) values (:s, :at, 'NOTE', 'x', 'a')")
                    .param("s", subject)
                    .param("at", Timestamp.from(OLD))
                    .update();
        }
        holds.set("po/11", "dispute", "legal", NOW);
        db.jdbc
                .sql("insert into task (id, kind, subject, partner_id, status, summary, created_at, decided_at)"
                        + " values (:id, 'COMMITMENT_CHANGE', 'po/10', :partner, 'DECIDED', 'done', :at, :at)")
                .param("id", UUID.randomUUID())
                .param("partner", ACME.value())
                .param("at", Timestamp.from(OLD))
                .update();
        var message = old(ACME, "ISA*events", "po/10");
        UUID eventId = event(message, "io.seamline.po.acknowledged.v1", "po/10");
        db.jdbc
                .sql("update event set workflow_document_type = '855', workflow_started_at = :at,"
                        + " workflow_completed_at = :at, workflow_outcome = 'AUTOMATIC' where id = :e")
                .param("e", eventId)
                .param("at", Timestamp.from(OLD))
                .update();

        assertThat(purge(RetentionClass.TIMELINE)).isEqualTo(2);
        assertThat(purge(RetentionClass.TASKS)).isEqualTo(1);
        assertThat(purge(RetentionClass.EVENTS)).isEqualTo(1);

        assertThat(db.jdbc
                        .sql("select count(*) from timeline_entry where subject = 'po/11'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.jdbc
                        .sql("select kind || ':' || record_id || ':' || count from tombstone order by kind, record_id")
                        .query(String.class)
                        .list())
                .containsExactly("EVENTS:" + message.id() + ":1", "TASK:" + taskId() + ":1", "TIMELINE:po/10:2");
        assertThat(db.jdbc.sql("select count(*) from event").query(Long.class).single())
                .as("the event went with its finished workflow")
                .isZero();
    }

    @Test
    void metExpectationsGoWithTheirAlertsButNotWhileTheSubjectHasAnOpenOneOrADeductionNotSettled() {
        var expectations = new Expectations(db.jdbc);
        var met = Expectation.open(
                "po.acknowledgement", Subject.parse("po/20"), ACME, OLD, null, OLD.plusSeconds(3600), null, null);
        var open =
                Expectation.open("asn.due", Subject.parse("po/21"), ACME, OLD, null, NOW.plusSeconds(3600), null, null);
        var metBesideOpen = Expectation.open(
                "po.acknowledgement", Subject.parse("po/21"), ACME, OLD, null, OLD.plusSeconds(3600), null, null);
        var disputed = Expectation.open(
                "shipment.status", Subject.parse("po/22"), ACME, OLD, null, OLD.plusSeconds(60), null, null);
        expectations.open(met, null);
        expectations.open(open, null);
        expectations.open(metBesideOpen, null);
        expectations.open(disputed, null);
        expectations.fulfil("po.acknowledgement", Subject.parse("po/20"), null, OLD.plusSeconds(60), null);
        expectations.fulfil("po.acknowledgement", Subject.parse("po/21"), null, OLD.plusSeconds(60), null);
        expectations.fulfil("shipment.status", Subject.parse("po/22"), null, OLD.plusSeconds(600), null);
        db.jdbc
                .sql("insert into sla_alert (id, expectation_id, kind, channel, target, status, next_attempt_at,"
                        + " media_type, content, created_at) values (:id, :x, 'BREACH', 'EMAIL', 'ops@buyer.example',"
                        + " 'SENT', :at, 'text/plain', cast('late' as bytea), :at)")
                .param("id", UUID.randomUUID())
                .param("x", met.id())
                .param("at", Timestamp.from(OLD))
                .update();
        db.jdbc
                .sql("insert into deduction (id, number, partner_id, subject, reason_code, reason, amount, currency,"
                        + " status, evidence, step_key, created_at, updated_at) values (:id, 'DED-1', :p, 'po/22',"
                        + " '72', 'late', 10, 'USD', 'DISPUTED', '{}', 'd1', :at, :at)")
                .param("id", UUID.randomUUID())
                .param("p", ACME.value())
                .param("at", Timestamp.from(OLD))
                .update();

        assertThat(store.count(RetentionClass.EXPECTATIONS, CUTOFF, Scope.everyoneBut(List.of())))
                .isEqualTo(1);
        assertThat(purge(RetentionClass.EXPECTATIONS)).isEqualTo(1);
        assertThat(purge(RetentionClass.EXPECTATIONS)).isZero();

        assertThat(db.jdbc
                        .sql("select subject from sla_expectation order by subject")
                        .query(String.class)
                        .list())
                .containsExactly("po/21", "po/21", "po/22");
        assertThat(db.jdbc
                        .sql("select count(*) from sla_alert")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.jdbc
                        .sql("select kind || ':' || record_id || ':' || count from tombstone")
                        .query(String.class)
                        .list())
                .containsExactly("EXPECTATIONS:po/20:1");
    }

    private String taskId() {
        return db.jdbc
                .sql("select record_id from tombstone where kind = 'TASK'")
                .query(String.class)
                .single();
    }
}
