package io.seamline.mappings.as2;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** One of our key pairs: the private key and its certificate (what partners encrypt to and verify us with). */
public record KeyEntry(String alias, PrivateKey key, X509Certificate certificate) {

    public KeyEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }
}
