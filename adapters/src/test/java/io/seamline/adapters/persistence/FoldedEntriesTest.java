package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldedEntriesTest {

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

        for (String json : new String[] {ours, theirs, large, "[]"}) {
            byte[] packed = FoldedEntries.pack(json);
            assertThat(packed[0]).as("the version").isEqualTo((byte) 1);
            assertThat(FoldedEntries.unpack(packed)).isEqualTo(json);
        }
        assertThat(FoldedEntries.pack(ours).length)
                .as("our own words come from the dictionary")
                .isLessThan(ours.getBytes(StandardCharsets.UTF_8).length / 3);
    }

    @Test
    void refusesBytesItDidNotPackWithAClearError() {
        byte[] packed = FoldedEntries.pack("[{\"kind\":\"EVENT\",\"summary\":\"a status\"}]");

        assertThatThrownBy(() -> FoldedEntries.unpack(Arrays.copyOf(packed, packed.length / 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("folded timeline entries");
        byte[] otherVersion = packed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> FoldedEntries.unpack(otherVersion))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown version 2");
        assertThatThrownBy(() -> FoldedEntries.unpack(new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown version (empty)");
        byte[] garbage = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00, 0x13};
        assertThatThrownBy(() -> FoldedEntries.unpack(garbage)).isInstanceOf(IllegalStateException.class);
    }
}
