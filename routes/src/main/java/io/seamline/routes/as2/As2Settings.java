package io.seamline.routes.as2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.as2}: who we are ({@code id}), our keys — a PKCS#12 keystore whose path and password come from
 * configuration, never from the repository; {@code keyAlias} signs and decrypts, {@code previousAliases} still
 * decrypt during our own rollover; {@code generate} creates a self-signed key when the keystore is missing (the demo
 * profile only) — where partners send asynchronous MDNs ({@code asyncMdnUrl}), and how far ahead certificate expiry
 * is warned of.
 */
@ConfigurationProperties("seamline.as2")
record As2Settings(
        String id,
        Keystore keystore,
        String keyAlias,
        List<String> previousAliases,
        String asyncMdnUrl,
        Duration certificateWarning,
        Duration requestTimeout) {

    /** The keystore: its path, its password, and whether a missing one is created (demo only). */
    public record Keystore(Path path, String password, boolean generate) {}

    public As2Settings {
        id = id == null || id.isBlank() ? "SEAMLINE" : id.strip();
        keystore = keystore == null ? new Keystore(null, null, false) : keystore;
        keyAlias = keyAlias == null || keyAlias.isBlank() ? "seamline" : keyAlias.strip();
        previousAliases = List.copyOf(previousAliases == null ? List.of() : previousAliases);
        certificateWarning = certificateWarning == null ? Duration.ofDays(30) : certificateWarning;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
    }
}
