package io.seamline.coordination.tenders;

import static io.seamline.coordination.testing.Documents.onShipment;
import static io.seamline.coordination.testing.Documents.partner;
import static io.seamline.coordination.testing.Documents.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TendersTest {

    private static final Partner CARRIER = partner("swift-freight", PartnerRole.CARRIER, Map.of());
    private static final Shipment SHIPMENT =
            new Shipment(ShipmentId.of("SH-2001"), CARRIER.id(), null, null, List.of(), null, null, null, null);

    private final Tenders tenders = new Tenders(null, null);
    private final RecordingEffects effects = new RecordingEffects();

    private void answer(TenderAnswered.Decision decision, String conditions) {
        var answer = new TenderAnswered("SH-2001", decision, "A1", conditions);
        tenders.run(onShipment(work(CARRIER, "990", answer), SHIPMENT, List.of()), effects);
    }

    @Test
    void anAcceptedTenderBooksTheShipment() {
        answer(TenderAnswered.Decision.ACCEPTED, null);

        assertThat(effects.recorded("shipment.status"))
                .extracting(r -> r.details().get("status"))
                .containsExactly("BOOKED");
        assertThat(effects.recorded("sla.met")).hasSize(1);
        assertThat(effects.recorded("task.opened")).isEmpty();
    }

    @Test
    void aConditionalAnswerGoesToAPersonWithTheConditions() {
        answer(TenderAnswered.Decision.CONDITIONAL, "pickup a day later");

        assertThat(effects.recorded("shipment.status")).isEmpty();
        assertThat(effects.recorded("task.opened")).singleElement().satisfies(t -> {
            assertThat(t.details()).containsEntry("kind", "TENDER_DECLINED");
            assertThat(t.summary()).contains("CONDITIONAL");
            assertThat(t.details().get("context"))
                    .isEqualTo(Map.of(
                            "shipmentId", "SH-2001", "decision", "CONDITIONAL", "conditions", "pickup a day later"));
        });
    }
}
