package io.seamline.coordination.lifecycle;

import static io.seamline.coordination.testing.Documents.NEED_BY;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.effects.RecordingEffects.Recorded;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.testing.Documents;
import io.seamline.model.Subject;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.OrderAcknowledged.AckType;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.partner.Partner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which checklist scenario a test document shows, from its event, what it matched and what it would have done. */
class ScenariosTest {

    private static final Partner SUPPLIER = Documents.supplier("nova-parts");
    private static final PurchaseOrderLine LINE = Documents.line("1", "WID-100", "10", "2.50");
    private static final PurchaseOrder ORDER = Documents.order("4500012345", SUPPLIER, LINE);

    private static Correlation matched() {
        return new Correlation(
                Subject.purchaseOrder(ORDER.number().value()), List.of(ORDER), Map.of(0, LINE), null, null, null);
    }

    private static OrderAcknowledged ack(AckType type, LineStatus status, LocalDate promised) {
        return new OrderAcknowledged(
                ORDER.number().value(),
                type,
                null,
                null,
                List.of(new OrderAcknowledged.Line(
                        "1", status, new BigDecimal("10"), "EA", promised, null, "WID-100", null)));
    }

    private static List<String> shown(Scenarios.Evidence evidence) {
        return List.of(
                        "accept-all",
                        "accept-with-changed-date",
                        "reject-a-line",
                        "matches-po",
                        "price-difference",
                        "outside-tolerance")
                .stream()
                .filter(s -> Scenarios.shows(s, evidence))
                .toList();
    }

    @Test
    void anAcknowledgementOnTheNeededDateAcceptsAll() {
        var evidence =
                new Scenarios.Evidence(ack(AckType.ACCEPTED, LineStatus.ACCEPTED, NEED_BY), matched(), List.of());

        assertThat(shown(evidence)).containsExactly("accept-all");
    }

    @Test
    void anAcknowledgementWithAnotherDateShowsAChangedDateNotAcceptAll() {
        var evidence = new Scenarios.Evidence(
                ack(AckType.ACCEPTED_WITH_CHANGES, LineStatus.CHANGED, NEED_BY.plusDays(5)), matched(), List.of());

        assertThat(shown(evidence)).containsExactly("accept-with-changed-date");
    }

    @Test
    void aRejectedLineShowsRejectALine() {
        var evidence = new Scenarios.Evidence(
                ack(AckType.ACCEPTED_WITH_CHANGES, LineStatus.REJECTED, null), matched(), List.of());

        assertThat(shown(evidence)).containsExactly("reject-a-line");
    }

    @Test
    void aDocumentThatMatchedNothingShowsNoScenario() {
        var evidence = new Scenarios.Evidence(ack(AckType.ACCEPTED, LineStatus.ACCEPTED, NEED_BY), null, List.of());

        assertThat(shown(evidence)).isEmpty();
        assertThat(Scenarios.shows(Checklists.PROCESSED, evidence)).isFalse();
    }

    @Test
    void anInvoiceAtAnotherPriceThatWouldHaveBeenAnExceptionShowsPriceDifferenceAndOutsideTolerance() {
        var invoice = new InvoiceReceived(
                "INV-1",
                InvoiceReceived.Kind.GOODS,
                LocalDate.of(2026, 12, 1),
                "USD",
                new BigDecimal("27.50"),
                List.of(ORDER.number().value()),
                null,
                null,
                List.of(new InvoiceReceived.Line(
                        "1",
                        ORDER.number().value(),
                        "1",
                        "WID-100",
                        new BigDecimal("10"),
                        new BigDecimal("2.75"),
                        new BigDecimal("27.50"),
                        null)),
                List.of());
        var wouldHave = List.of(new Recorded(
                "invoice.status",
                Subject.purchaseOrder(ORDER.number().value()),
                "exception",
                Map.of("status", "EXCEPTION")));

        assertThat(shown(new Scenarios.Evidence(invoice, matched(), wouldHave)))
                .containsExactly("price-difference", "outside-tolerance");
    }

    @Test
    void checklistsNameOnlyScenariosTheGatewayCanGrade() {
        assertThat(Scenarios.known("status:DELIVERED")).isTrue();
        assertThat(Scenarios.known("status:delivered")).isFalse();
        assertThat(Scenarios.known("be-nice")).isFalse();
        assertThat(Checklists.names()).contains("accept-all", "status:<STATUS>");
    }
}
