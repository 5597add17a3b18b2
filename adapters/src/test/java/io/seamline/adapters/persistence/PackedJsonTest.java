package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedJsonTest {

    @Test
    void givesBackTheJsonItPackedWhateverItHolds() {
        String ours = "[{\"kind\":\"EVENT\",\"summary\":\"Shipment status IN_TRANSIT (X6) at MEMPHIS\","
                + "\"actor\":\"partner:swift-freight\",\"visible\":true,\"after\":804}]";
        String theirs = "[{\"kind\":\"EVENT\",\"summary\":\"Lieferavis für Bestellung 4711 — Zoë Ærø, 東京\","
                + "\"actor\":\"partner:nordwerk\",\"details\":{\"note\":\"\\\"quoted\\\" \\\\ and \\u0000\"}}]";
        var random = new Random(7);
        var noise = new StringBuilder("[\"");
        for (int i = 0; i < 20_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        String large = noise.append("\"]").toString();

        for (PackedJson codec : new PackedJson[] {PackedJson.TIMELINE, PackedJson.EVENTS}) {
            for (String json : new String[] {ours, theirs, large, "[]"}) {
                byte[] packed = codec.pack(json);
                assertThat(packed[0]).as("the version").isEqualTo((byte) 1);
                assertThat(codec.unpack(packed)).isEqualTo(json);
            }
        }
        String status = "{\"references\":{\"pro\":\"PRO-88\",\"bol\":\"BOL-88\",\"shipmentId\":\"ASN-88\","
                + "\"poNumbers\":[\"4500012345\"]},\"carrierScac\":\"SWFT\",\"status\":\"IN_TRANSIT\","
                + "\"partnerStatusCode\":\"X6\",\"reasonCode\":\"NS\",\"eventTime\":\"2027-03-04T16:30:00\","
                + "\"location\":{\"city\":\"MEMPHIS\",\"region\":\"TN\",\"country\":\"US\"}}";
        assertThat(PackedJson.EVENTS.unpack(PackedJson.EVENTS.pack(status))).isEqualTo(status);
        assertThat(PackedJson.EVENTS.pack(status).length)
                .as("a status's field names come from the events' dictionary (274 bytes: 91 packed, 167 without it)")
                .isLessThan(status.length() / 2)
                .isLessThan(PackedJson.TIMELINE.pack(status).length * 2 / 3);
        assertThat(PackedJson.TIMELINE.pack(ours).length)
                .as("our own words come from the dictionary")
                .isLessThan(ours.getBytes(StandardCharsets.UTF_8).length / 3);
    }

    @Test
    void refusesBytesItDidNotPackWithAClearError() {
        byte[] packed = PackedJson.TIMELINE.pack("[{\"kind\":\"EVENT\",\"summary\":\"a status\"}]");

        assertThatThrownBy(() -> PackedJson.TIMELINE.unpack(Arrays.copyOf(packed, packed.length / 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("folded timeline entries");
        byte[] otherVersion = packed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> PackedJson.TIMELINE.unpack(otherVersion))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown version 2");
        assertThatThrownBy(() -> PackedJson.TIMELINE.unpack(new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown version (empty)");
        byte[] garbage = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00, 0x13};
        assertThatThrownBy(() -> PackedJson.TIMELINE.unpack(garbage)).isInstanceOf(IllegalStateException.class);
    }
}
