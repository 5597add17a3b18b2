package io.seamline.coordination.commitments;

import static io.seamline.coordination.testing.Documents.NEED_BY;
import static io.seamline.coordination.testing.Documents.line;
import static io.seamline.coordination.testing.Documents.onOrder;
import static io.seamline.coordination.testing.Documents.order;
import static io.seamline.coordination.testing.Documents.partner;
import static io.seamline.coordination.testing.Documents.supplier;
import static io.seamline.coordination.testing.Documents.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.PolicySettings;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.testing.Documents;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.OrderAcknowledged.AckType;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a supplier's acknowledgement or commitment update is decided, on plain documents with recorded effects. */
class CommitmentsTest {

    private static final Partner ACME = supplier("acme-supply");

    private final Commitments commitments =
            new Commitments(null, null, new Policies(new PolicySettings(Map.of(), Map.of())), Documents.CLOCK);
    private final RecordingEffects effects = new RecordingEffects();

    private final PurchaseOrderLine one = line("1", "WID-100", "500", "2.50");
    private final PurchaseOrderLine two = line("2", "WID-200", "120", "14.00");
    private final PurchaseOrder po = order("4500012345", ACME, one, two);

    private static OrderAcknowledged.Line ackLine(String number, LineStatus status, String quantity, LocalDate date) {
        return new OrderAcknowledged.Line(
                number, status, quantity == null ? null : new BigDecimal(quantity), "EA", date, null, null, null);
    }

    private List<Response> acknowledge(Partner from, AckType type, List<OrderAcknowledged.Line> lines) {
        var ack = new OrderAcknowledged(po.number().value(), type, null, null, lines);
        Correlated correlated = lines.isEmpty()
                ? onOrder(work(from, "855", ack), po)
                : onOrder(
                        work(from, "855", ack),
                        po,
                        lines.size() == 1 ? new PurchaseOrderLine[] {one} : new PurchaseOrderLine[] {one, two});
        return commitments.run(correlated, effects);
    }

    @Test
    void aSlipInsideTheToleranceIsCommittedWrittenBackAndConfirmedToTheSupplier() {
        List<Response> responses = acknowledge(
                ACME,
                AckType.ACCEPTED_WITH_CHANGES,
                List.of(ackLine("1", LineStatus.CHANGED, "500", NEED_BY.plusDays(2))));

        assertThat(effects.recorded("task.opened")).isEmpty();
        assertThat(effects.recorded("po.acknowledged")).hasSize(1);
        var committed = effects.recorded("po.committed");
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0).details().get("lines"))
                .asList()
                .singleElement()
                .isEqualTo(Map.of(
                        "lineNumber",
                        "1",
                        "status",
                        "CONFIRMED",
                        "quantity",
                        new BigDecimal("500"),
                        "promisedDate",
                        NEED_BY.plusDays(2)));
        assertThat(effects.recorded("erp.write-back"))
                .extracting(r -> r.details().get("type"))
                .containsExactly("commitment.applied");
        assertThat(effects.recorded("sla.met"))
                .extracting(r -> r.details().get("kind"))
                .containsExactly("po.acknowledgement");
        assertThat(effects.recorded("sla.expected"))
                .extracting(r -> r.details().get("kind"))
                .containsExactly("asn.due");
        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.document()).isInstanceOf(OrderChanged.class);
            assertThat(r.notice()).containsEntry("type", "commitment.accepted");
        });
    }

    @Test
    void aSlipBeyondTheToleranceWaitsForAPersonWithTheProposalAndTheBrokenRule() {
        List<Response> responses = acknowledge(
                ACME,
                AckType.ACCEPTED_WITH_CHANGES,
                List.of(ackLine("1", LineStatus.CHANGED, null, NEED_BY.plusDays(5))));

        assertThat(responses).isEmpty();
        assertThat(effects.recorded("po.committed")).isEmpty();
        assertThat(effects.recorded("erp.write-back")).isEmpty();
        var task = effects.recorded("task.opened");
        assertThat(task).singleElement().satisfies(t -> {
            assertThat(t.details()).containsEntry("kind", "COMMITMENT_CHANGE");
            assertThat(t.summary()).contains("PO 4500012345 line 1");
            @SuppressWarnings("unchecked")
            var context = (Map<String, Object>) t.details().get("context");
            assertThat(context).containsEntry("poNumber", "4500012345").containsEntry("lineNumber", "1");
            assertThat(context.get("proposed"))
                    .isEqualTo(Map.of(
                            "status",
                            "CHANGED",
                            "promisedDate",
                            NEED_BY.plusDays(5).toString()));
            assertThat(context.get("ordered"))
                    .isEqualTo(Map.of("quantity", "500", "unitPrice", "2.5", "needByDate", NEED_BY.toString()));
        });
        assertThat(effects.recorded("decision"))
                .anySatisfy(d -> assertThat(d.details()).containsEntry("outcome", "TASK"));
    }

    @Test
    void aPartnersOwnPolicyWidensTheTolerance() {
        Partner patient = partner("acme-supply", PartnerRole.SUPPLIER, Map.of("commitment.maxSlipDays", "7"));

        acknowledge(
                patient,
                AckType.ACCEPTED_WITH_CHANGES,
                List.of(ackLine("1", LineStatus.CHANGED, null, NEED_BY.plusDays(5))));

        assertThat(effects.recorded("task.opened")).isEmpty();
        assertThat(effects.recorded("po.committed")).hasSize(1);
    }

    @Test
    void anAcknowledgementWithoutLinesAcceptsEveryOpenLineAsOrdered() {
        List<Response> responses = acknowledge(ACME, AckType.ACCEPTED, List.of());

        assertThat(responses).isEmpty();
        assertThat(effects.recorded("po.committed"))
                .singleElement()
                .satisfies(c -> assertThat(c.details().get("lines")).asList().hasSize(2));
        assertThat(effects.recorded("task.opened")).isEmpty();
    }

    @Test
    void aRejectionOfTheWholeOrderAsksAboutEveryLineAndExpectsNoShipNotice() {
        acknowledge(ACME, AckType.REJECTED, List.of());

        assertThat(effects.recorded("task.opened")).hasSize(2);
        assertThat(effects.recorded("po.committed")).isEmpty();
        assertThat(effects.recorded("sla.met")).hasSize(1);
        assertThat(effects.recorded("sla.expected")).isEmpty();
    }

    @Test
    void aQuantityCutOnACommitmentUpdateGoesToAPerson() {
        var update = new CommitmentUpdated(
                po.number().value(),
                List.of(new CommitmentUpdated.Line("2", new BigDecimal("100"), NEED_BY, null, null, null)),
                null);

        commitments.run(onOrder(work(ACME, "865", update), po, two), effects);

        assertThat(effects.recorded("task.opened")).singleElement().satisfies(t -> assertThat(t.summary())
                .contains("line 2"));
        assertThat(effects.recorded("po.acknowledged")).isEmpty();
    }

    @Test
    void describesTheAcknowledgementLineByLine() {
        var ack = new OrderAcknowledged(
                "4500012345",
                AckType.ACCEPTED_WITH_CHANGES,
                null,
                null,
                List.of(ackLine("1", LineStatus.CHANGED, null, NEED_BY)));

        assertThat(commitments.describe(ack))
                .isEqualTo("PO 4500012345 acknowledged ACCEPTED_WITH_CHANGES: line 1 CHANGED for " + NEED_BY);
    }
}
