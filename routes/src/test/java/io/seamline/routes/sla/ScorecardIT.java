package io.seamline.routes.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.Expectations;
import io.seamline.adapters.persistence.GoodsReceipts;
import io.seamline.adapters.persistence.Invoices;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Shipments;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaMonitor;
import io.seamline.coordination.sla.SlaProfile.Kind;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.workflow.TaskDecisions;
import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.message.Channel;
import io.seamline.model.message.Direction;
import io.seamline.model.message.IncomingMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.order.GoodsReceipt;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.sla.Scorecard;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import io.seamline.routes.TestClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supplier's month, written down by hand, and its scorecard: every figure below is counted in the comments first
 * and then checked against what the gateway computes from the database.
 */
@SpringBootTest
class ScorecardIT {

    @Autowired
    TestClock clock;

    @Autowired
    SlaExpectations slaExpectations;

    @Autowired
    SlaMonitor monitor;

    @Autowired
    Scorecards scorecards;

    @Autowired
    Expectations expectations;

    @Autowired
    Partners partners;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    Shipments shipments;

    @Autowired
    Messages messages;

    @Autowired
    Events events;

    @Autowired
    Invoices invoices;

    @Autowired
    Tasks tasks;

    @Autowired
    TaskOpening taskOpening;

    @Autowired
    TaskDecisions decisions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    GoodsReceipts receipts;

    /** The month starts on Monday 1 March 2027 at 08:00 UTC, a time no other test uses. */
    static final Instant T = Instant.parse("2027-03-01T08:00:00Z");

    private PartnerId partner;

    @AfterEach
    void release() {
        clock.release();
    }

    @Test
    void computesTheScorecardOfAHandCountedMonth() {
        clock.set(T.minusSeconds(1));
        monitor.scan(); // anything other tests left open is breached before our month starts
        clock.set(T);
        partner = PartnerId.of("card-" + UUID.randomUUID().toString().substring(0, 8));
        partners.add(new Partner(
                partner,
                "Scorecard supplier",
                PartnerRole.SUPPLIER,
                List.of(),
                List.of(new ChannelProfile(ChannelKind.PORTAL, "", Map.of())),
                Map.of(),
                Map.of()));

        // 997s: four due 24 h after T; three come after an hour, one never          -> 3 of 4 on time
        var acks = open(Kind.ACK_FUNCTIONAL, 4);
        // 855s: two due 48 h after T; one after an hour, one after 50 hours         -> 1 of 2 on time
        var poAcks = open(Kind.PO_ACKNOWLEDGEMENT, 2);
        // ASNs: two due on day 2, one met on day 1, one on day 3; a third due on day 40 is not in the month
        //                                                                            -> 1 of 2 on time
        var asns = new ArrayList<Subject>();
        for (int days : new int[] {2, 2, 40}) {
            Subject s = subject();
            asns.add(s);
            tx(() -> slaExpectations.expectBy(
                    Kind.ASN_DUE, s, partner, T.plus(Duration.ofDays(days)), null, null, "asn:" + s));
        }
        // tasks: two opened at T (8 h each), decided after 2 h and after 10 h       -> 1 of 2 on time, mean 6 h
        var taskIds = new ArrayList<TaskId>();
        for (int i = 0; i < 2; i++) {
            Subject s = subject();
            String step = "card-task:" + s;
            var hold = new TaskContext.CustomsHold(
                    "E-" + i, CustomsStatusReported.Status.HOLD, "exam", List.of(), Map.of(), null);
            tx(() -> taskOpening.open(hold, s, partner, "hold", List.of(), null, null, step));
            taskIds.add(tasks.byStepKey(step).orElseThrow().id());
        }

        clock.set(T.plus(Duration.ofHours(1)));
        for (int i = 0; i < 3; i++) {
            meetAck(acks.get(i));
        }
        meet(Kind.PO_ACKNOWLEDGEMENT, poAcks.get(0));
        clock.set(T.plus(Duration.ofHours(2)));
        decisions.decide(taskIds.get(0), Decision.APPROVE, "released", "ops");
        clock.set(T.plus(Duration.ofHours(10)));
        decisions.decide(taskIds.get(1), Decision.APPROVE, "released", "ops");
        clock.set(T.plus(Duration.ofDays(1)));
        meet(Kind.ASN_DUE, asns.get(0));
        clock.set(T.plus(Duration.ofHours(50)));
        meet(Kind.PO_ACKNOWLEDGEMENT, poAcks.get(1));
        clock.set(T.plus(Duration.ofDays(3)));
        meet(Kind.ASN_DUE, asns.get(1));

        // ASN accuracy: three ASNs, one led to an ASN_DISCREPANCY task               -> 2 of 3 accurate
        for (int i = 0; i < 3; i++) {
            UUID event = event(new ShipmentAdvised("SH-" + i, null, null, null, null, List.of()));
            if (i == 0) {
                task(TaskKind.ASN_DISCREPANCY, event);
            }
        }
        // invoices: four; one REJECTED, one with an INVOICE_EXCEPTION task            -> 2 of 4 accurate
        for (int i = 0; i < 4; i++) {
            UUID event = event(invoiceEvent("INV-" + i));
            invoices.receive(
                    new Invoice(
                            partner,
                            "INV-" + i,
                            InvoiceReceived.Kind.GOODS,
                            LocalDate.of(2027, 3, 4),
                            "EUR",
                            BigDecimal.TEN,
                            i == 0 ? InvoiceStatus.REJECTED : InvoiceStatus.APPROVED,
                            null,
                            List.of()),
                    event);
            if (i == 1) {
                task(TaskKind.INVOICE_EXCEPTION, event);
            }
        }
        // documents: five inbound; one REJECTED, one DUPLICATE (not counted)          -> 1 of 4 rejected
        for (int i = 0; i < 5; i++) {
            var message = messages.archive(
                    new IncomingMessage(
                            Direction.INBOUND,
                            Channel.EDI,
                            "http",
                            MessageFormat.X12,
                            partner,
                            ("ISA*" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                            "application/edi-x12",
                            null),
                    clock.instant());
            MessageStatus status = i == 0 ? MessageStatus.REJECTED : i == 1 ? MessageStatus.DUPLICATE : null;
            if (status != null) {
                messages.transition(message.id(), List.of(MessageStatus.RECEIVED), status, "test", clock.instant());
            }
        }
        // OTIF: three lines due on day 5 (6 March)
        //   line 1: 10 ordered, 10 delivered on day 4                   on time, in full, OTIF
        //   line 2: 10 ordered, 6 delivered on day 4, 4 more on day 8   on time, in full, not OTIF
        //   line 3: 5 ordered, nothing delivered                        none       -> 2/3, 2/3, 1/3
        LocalDate due = LocalDate.of(2027, 3, 6);
        var po = PurchaseOrderNumber.of("PO" + UUID.randomUUID().toString().substring(0, 8));
        purchaseOrders.upsert(new PurchaseOrder(
                po,
                partner,
                "EUR",
                LocalDate.of(2027, 2, 20),
                null,
                List.of(line("1", 10, due), line("2", 10, due), line("3", 5, due))));
        deliver(po, Map.of("1", 10, "2", 6), LocalDate.of(2027, 3, 5));
        deliver(po, Map.of("2", 4), LocalDate.of(2027, 3, 9));

        clock.set(T.plus(Duration.ofDays(30)));
        monitor.scan(); // the 997 that never came is an open breach                -> 1 open breach

        Scorecard card = scorecards.of(partner, T, T.plus(Duration.ofDays(30)));

        assertThat(card.functionalAcksOnTime()).isEqualTo(new Scorecard.Measure(4, 3));
        assertThat(card.functionalAcksOnTime().rate()).isEqualByComparingTo("0.75");
        assertThat(card.poAcknowledgementsOnTime()).isEqualTo(new Scorecard.Measure(2, 1));
        assertThat(card.shipNoticesOnTime()).isEqualTo(new Scorecard.Measure(2, 1));
        assertThat(card.shipNoticesAccurate()).isEqualTo(new Scorecard.Measure(3, 2));
        assertThat(card.invoicesAccurate()).isEqualTo(new Scorecard.Measure(4, 2));
        assertThat(card.documentsRejected()).isEqualTo(new Scorecard.Measure(4, 1));
        assertThat(card.documentsRejected().rate()).isEqualByComparingTo("0.25");
        assertThat(card.linesOnTime()).isEqualTo(new Scorecard.Measure(3, 2));
        assertThat(card.linesInFull()).isEqualTo(new Scorecard.Measure(3, 2));
        assertThat(card.linesOnTimeInFull()).isEqualTo(new Scorecard.Measure(3, 1));
        assertThat(card.linesOnTimeInFull().rate()).isEqualByComparingTo("0.3333");
        assertThat(card.tasksDecidedOnTime()).isEqualTo(new Scorecard.Measure(2, 1));
        assertThat(card.taskMeanHours()).isEqualTo(6.0);
        assertThat(card.openBreaches()).isEqualTo(1);
    }

    @Test
    void otifCountsWhatTheErpReceivedWhereItSaysSoOverWhatCarriersDelivered() {
        partner = PartnerId.of("otif-" + UUID.randomUUID().toString().substring(0, 8));
        partners.add(new Partner(
                partner,
                "Receipts supplier",
                PartnerRole.SUPPLIER,
                List.of(),
                List.of(new ChannelProfile(ChannelKind.PORTAL, "", Map.of())),
                Map.of(),
                Map.of()));
        // three lines of 10 due on 16 April; the carrier delivered all 30 on the 15th
        //   line 1: the ERP received 10 on the 16th                    on time, in full, OTIF
        //   line 2: the ERP received 10 on the 16th, 3 rejected        on time, not in full
        //   line 3: no receipt: the carrier's delivery counts          on time, in full, OTIF   -> 3/3, 2/3, 2/3
        LocalDate due = LocalDate.of(2027, 4, 16);
        var po = PurchaseOrderNumber.of("PO" + UUID.randomUUID().toString().substring(0, 8));
        tx(() -> {
            purchaseOrders.upsert(new PurchaseOrder(
                    po,
                    partner,
                    "EUR",
                    LocalDate.of(2027, 4, 1),
                    null,
                    List.of(line("1", 10, due), line("2", 10, due), line("3", 10, due))));
            deliver(po, Map.of("1", 10, "2", 10, "3", 10), due.minusDays(1));
            receipts.record(
                    new GoodsReceipt(
                            "GR-" + po,
                            po,
                            due.atTime(9, 0).toInstant(ZoneOffset.UTC),
                            null,
                            List.of(
                                    new GoodsReceipt.Line("1", BigDecimal.TEN, BigDecimal.ZERO, null),
                                    new GoodsReceipt.Line("2", BigDecimal.TEN, BigDecimal.valueOf(3), "damaged"))),
                    partner);
        });

        clock.set(due.plusDays(11).atStartOfDay().toInstant(ZoneOffset.UTC));
        Scorecard card = scorecards.of(
                partner,
                due.minusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC),
                due.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(card.linesOnTime()).isEqualTo(new Scorecard.Measure(3, 3));
        assertThat(card.linesInFull()).isEqualTo(new Scorecard.Measure(3, 2));
        assertThat(card.linesOnTimeInFull()).isEqualTo(new Scorecard.Measure(3, 2));
        assertThat(purchaseOrders
                        .find(po, io.seamline.model.partner.PartnerScope.everyone())
                        .orElseThrow()
                        .lines()
                        .get(1)
                        .receivedQuantity())
                .isEqualByComparingTo("7");
    }

    private List<Subject> open(String kind, int count) {
        var subjects = new ArrayList<Subject>();
        for (int i = 0; i < count; i++) {
            Subject s = subject();
            subjects.add(s);
            tx(() -> slaExpectations.expect(kind, s, partner, s.key(), null, "card:" + kind + ":" + s));
        }
        return subjects;
    }

    private void meet(String kind, Subject subject) {
        tx(() -> slaExpectations.met(kind, subject, null, null));
    }

    private void meetAck(Subject subject) {
        tx(() -> expectations.fulfil(Kind.ACK_FUNCTIONAL, null, subject.key(), clock.instant(), null));
    }

    private UUID event(io.seamline.model.event.EventData data) {
        UUID id = UUID.randomUUID();
        events.append(new CanonicalEvent(id.toString(), "/test", clock.instant(), partner, null, Channel.API, data));
        return id;
    }

    private void task(TaskKind kind, UUID event) {
        tasks.open(
                new Task(
                        TaskId.random(),
                        kind,
                        Subject.purchaseOrder("X"),
                        partner,
                        TaskStatus.OPEN,
                        "check",
                        Map.of(),
                        List.of(),
                        clock.instant(),
                        null,
                        null,
                        null,
                        null,
                        null),
                "card-task:" + UUID.randomUUID(),
                event);
    }

    private static InvoiceReceived invoiceEvent(String number) {
        return new InvoiceReceived(
                number,
                InvoiceReceived.Kind.GOODS,
                LocalDate.of(2027, 3, 4),
                "EUR",
                BigDecimal.TEN,
                List.of(),
                null,
                null,
                List.of(),
                List.of());
    }

    private static PurchaseOrderLine line(String number, int quantity, LocalDate due) {
        return PurchaseOrderLine.ordered(
                number, "ITEM-" + number, null, BigDecimal.valueOf(quantity), "EA", BigDecimal.ONE, due);
    }

    private void deliver(PurchaseOrderNumber po, Map<String, Integer> quantities, LocalDate on) {
        var id = ShipmentId.of("SH" + UUID.randomUUID().toString().substring(0, 8));
        shipments.upsert(new Shipment(id, null, null, null, List.of(po), null, null, null, ShipmentStatus.PLANNED));
        quantities.forEach((line, quantity) ->
                shipments.putLine(id, new ShipmentLine(po, line, BigDecimal.valueOf(quantity), "EA")));
        shipments.reportStatus(
                id, ShipmentStatus.DELIVERED, null, on.atTime(14, 0).toInstant(ZoneOffset.UTC));
    }

    private static Subject subject() {
        return Subject.purchaseOrder("PO" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void tx(Runnable work) {
        transactions.executeWithoutResult(t -> work.run());
    }
}
