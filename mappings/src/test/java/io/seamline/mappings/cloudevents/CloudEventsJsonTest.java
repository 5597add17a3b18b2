package io.seamline.mappings.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.OrderAcknowledged.AckType;
import io.seamline.model.event.OrderAcknowledged.Line;
import io.seamline.model.event.OrderAcknowledged.LineStatus;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventsJsonTest {

    private final CanonicalEvent event = new CanonicalEvent(
            "evt-1",
            "/partners/acme-supply/edi",
            Instant.parse("2026-11-22T08:00:00Z"),
            PartnerId.of("acme-supply"),
            MessageId.parse("7b0c6f8e-3f52-4c1a-9b1e-8d1f0b7a2c11"),
            Channel.EDI,
            new OrderAcknowledged(
                    "4500012345",
                    AckType.ACCEPTED_WITH_CHANGES,
                    "SO-9",
                    null,
                    List.of(new Line(
                            "1",
                            LineStatus.CHANGED,
                            new BigDecimal("90"),
                            "EA",
                            LocalDate.of(2026, 12, 3),
                            new BigDecimal("2.50"),
                            "WID-100",
                            "AC-W100"))));

    @Test
    void writesTheCloudEventsEnvelopeWithSeamlineExtensions() {
        String json = CloudEventsJson.write(event);

        assertThat(json)
                .contains("\"specversion\":\"1.0\"")
                .contains("\"type\":\"io.seamline.po.acknowledged.v1\"")
                .contains("\"subject\":\"po/4500012345\"")
                .contains("\"seamlinepartner\":\"acme-supply\"")
                .contains("\"seamlinechannel\":\"edi\"")
                .contains("\"promisedDate\":\"2026-12-03\"")
                .contains("\"quantity\":90")
                .doesNotContain("\"note\"");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(CloudEventsJson.read(CloudEventsJson.write(event))).isEqualTo(event);
    }

    @Test
    void refusesUnknownTypes() {
        assertThatThrownBy(() -> CloudEventsJson.read("{\"type\":\"io.seamline.nope.v1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown canonical event type");
    }
}
