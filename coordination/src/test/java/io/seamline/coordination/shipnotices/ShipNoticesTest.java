package io.seamline.coordination.shipnotices;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.message.TimeOrderedIds;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ShipNoticesTest {

    @Test
    void noticesWithoutAShipmentIdReceivedInTheSameSecondGetShipmentsOfTheirOwn() {
        Instant at = Instant.parse("2026-12-07T10:15:30Z");
        var references = new HashSet<String>();
        for (int i = 0; i < 1_000; i++) {
            String event = TimeOrderedIds.named(TimeOrderedIds.at(at.plusMillis(i % 7)) + "#0")
                    .toString();
            references.add(ShipNotices.reference(event));
        }

        assertThat(references).hasSize(1_000).allSatisfy(r -> assertThat(r).hasSize(12));
    }

    @Test
    void aNoticeReceivedBeforeTimeOrderedIdsKeepsTheShipmentIdItHad() {
        assertThat(ShipNotices.reference("9be1f278-910f-3a6c-9c7f-b445ab4966ec"))
                .isEqualTo("9be1f278");
    }
}
