package io.seamline.coordination.customs;

import static io.seamline.coordination.testing.Documents.onShipment;
import static io.seamline.coordination.testing.Documents.partner;
import static io.seamline.coordination.testing.Documents.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomsHoldsTest {

    private static final Partner BROKER = partner("clearpath-customs", PartnerRole.BROKER, Map.of());
    private static final Shipment SHIPMENT =
            new Shipment(ShipmentId.of("SH-1002"), null, BROKER.id(), null, List.of(), null, null, null, null);

    private final CustomsHolds holds = new CustomsHolds(null, null);
    private final RecordingEffects effects = new RecordingEffects();

    private void report(CustomsStatusReported.Status status) {
        var report = new CustomsStatusReported(
                "E-123", Map.of("shipmentId", "SH-1002"), status, "exam", List.of("commercial invoice"));
        holds.run(onShipment(work(BROKER, "350", report), SHIPMENT, List.of()), effects);
    }

    @Test
    void aHoldAlwaysGoesToAPersonWithTheDocumentsTheBrokerAsksFor() {
        report(CustomsStatusReported.Status.HOLD);

        assertThat(effects.recorded("task.opened")).singleElement().satisfies(t -> {
            assertThat(t.details()).containsEntry("kind", "CUSTOMS_HOLD");
            assertThat(t.details().get("context"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("entryNumber", "E-123")
                    .containsEntry("status", "HOLD")
                    .containsEntry("documentsRequested", List.of("commercial invoice"));
        });
    }

    @Test
    void aFilingIsRecordedAndOpensTheWaitForCustomsAnswer() {
        report(CustomsStatusReported.Status.FILED);

        assertThat(effects.recorded("task.opened")).isEmpty();
        assertThat(effects.recorded("sla.expected"))
                .extracting(r -> r.details().get("kind"))
                .containsExactly("customs.response");
    }

    @Test
    void aReleaseMeetsTheWaitAndAsksNobody() {
        report(CustomsStatusReported.Status.RELEASED);

        assertThat(effects.recorded("task.opened")).isEmpty();
        assertThat(effects.recorded("sla.met"))
                .extracting(r -> r.details().get("kind"))
                .contains("customs.response");
    }
}
