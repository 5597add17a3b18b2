package io.seamline.mappings.as2;

import java.util.Locale;
import java.util.Optional;

/** The digest of a signature and of a MIC, by its AS2 name ({@code sha-256}) and its JCA names. */
public enum MicAlgorithm {
    SHA1("sha1", "SHA-1", "SHA1WITHRSA"),
    SHA256("sha-256", "SHA-256", "SHA256WITHRSA"),
    SHA384("sha-384", "SHA-384", "SHA384WITHRSA"),
    SHA512("sha-512", "SHA-512", "SHA512WITHRSA");

    private final String as2Name;
    private final String digest;
    private final String signature;

    MicAlgorithm(String as2Name, String digest, String signature) {
        this.as2Name = as2Name;
        this.digest = digest;
        this.signature = signature;
    }

    /** As written in headers: {@code sha-256}. */
    public String as2Name() {
        return as2Name;
    }

    String digest() {
        return digest;
    }

    String signature() {
        return signature;
    }

    /** {@code sha256}, {@code sha-256}, {@code SHA256} and {@code sha_256} all name SHA-256. */
    public static Optional<MicAlgorithm> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (MicAlgorithm algorithm : values()) {
            if (algorithm.as2Name.replace("-", "").equals(plain)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
