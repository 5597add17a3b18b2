package io.seamline.mappings.as2;

import java.util.Locale;
import java.util.Optional;

/**
 * What a sender asks of the MDN in {@code Disposition-Notification-Options} (RFC 4130 7.3): whether it wants it
 * signed, and with which digest the MIC is computed (the first of its list we support).
 */
public record DispositionOptions(boolean signed, MicAlgorithm micAlgorithm) {

    /** {@code signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256, sha1}. */
    public static DispositionOptions parse(String header) {
        if (header == null || header.isBlank()) {
            return new DispositionOptions(false, MicAlgorithm.SHA256);
        }
        boolean signed = false;
        MicAlgorithm mic = null;
        for (String parameter : header.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String[] values = parameter.substring(equals + 1).split(",");
            if (name.equals("signed-receipt-protocol")) {
                for (int i = 1; i < values.length; i++) {
                    signed |= values[i].strip().equalsIgnoreCase("pkcs7-signature");
                }
            } else if (name.equals("signed-receipt-micalg")) {
                for (int i = 1; i < values.length && mic == null; i++) {
                    mic = MicAlgorithm.of(values[i]).orElse(null);
                }
            }
        }
        return new DispositionOptions(signed, Optional.ofNullable(mic).orElse(MicAlgorithm.SHA256));
    }

    /** What we ask of a partner's MDN. */
    public static String request(MicAlgorithm micAlgorithm) {
        return "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, "
                + micAlgorithm.as2Name();
    }
}
