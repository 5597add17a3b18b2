package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
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

    /**
     * Rows keep what was packed with a dictionary for years: these were packed on 2026-12-07 and must still read. A
     * changed dictionary fails here; a better one is a new version, with the old one kept to read these.
     */
    @Test
    void readsWhatItPackedBeforeSoItsDictionariesNeverChange() throws Exception {
        HexFormat hex = HexFormat.of();
        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        assertThat(hex.formatHex(sha256.digest(PackedJson.TIMELINE.dictionary())))
                .isEqualTo("20a5ca3b0700178f532985d6f1c6f92ce606d2ef78f585664e140eb0a567a18b");
        assertThat(hex.formatHex(sha256.digest(PackedJson.EVENTS.dictionary())))
                .isEqualTo("05048c9045258c250bd39d77f7ac028a8ceaf60e33bc5882c49f71cffad45f18");
        assertThat(PackedJson.TIMELINE.unpack(hex.parseHex(
                        "018ba6ace2f275f50df0f00cc6e2c0e2f2ccb4125d448b87a2cacc22d9d2c022c9d0423739c92245d73831d15cd7d2d0cc"
                                + "54d7ccdcd0d4d2102893626484db8f160626b53a6455598ec17eba26e696a6e60620404a0586a40bbd2a433314"
                                + "778ab03034ae8d0500")))
                .isEqualTo("[{\"kind\":\"EVENT\",\"summary\":\"Shipment status IN_TRANSIT (X6) at MEMPHIS\","
                        + "\"actor\":\"partner:swift-freight\",\"details\":{\"type\":\"io.seamline.shipment.status.v1\","
                        + "\"eventId\":\"8c908b18-cb8d-3aa7-9165-6715918b1d22\"},\"visible\":true,\"after\":804},"
                        + "{\"kind\":\"CORRELATION\",\"summary\":\"Matched to shipment/ASN-4795700000\",\"actor\":\"system\","
                        + "\"details\":{\"poNumbers\":[\"4795700000\"],\"shipmentId\":\"ASN-4795700000\"},"
                        + "\"visible\":false,\"after\":813}]");
        assertThat(
                        PackedJson.EVENTS.unpack(
                                hex.parseHex(
                                        "01c31e030141feba1616f07870f2f781705162c331d80f228a120926a60606068646c626a64ab11831101cee16821c0b04"
                                                + "c32fc28c88103432d73530d63530093134b33236b032c01172beaebe011e9ec1c80118e2871e84b5b500")))
                .isEqualTo("{\"references\":{\"pro\":\"PRO-88\",\"bol\":\"BOL-88\",\"shipmentId\":\"ASN-88\","
                        + "\"poNumbers\":[\"4500012345\"]},\"carrierScac\":\"SWFT\",\"status\":\"IN_TRANSIT\","
                        + "\"partnerStatusCode\":\"X6\",\"reasonCode\":\"NS\",\"eventTime\":\"2027-03-04T16:30:00\","
                        + "\"location\":{\"city\":\"MEMPHIS\",\"region\":\"TN\",\"country\":\"US\"}}");
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
