package io.seamline.routes.as2;

import io.seamline.mappings.as2.KeyEntry;
import io.seamline.mappings.as2.SelfSigned;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Our AS2 keys, from the configured PKCS#12 keystore: the current pair signs our messages and MDNs and is what
 * partners encrypt to; previous pairs still decrypt while partners move to the new certificate. Without a keystore AS2
 * is off (answers wait in the outbox folder); the demo profile creates a self-signed one on first start.
 */
@Component
@EnableConfigurationProperties(As2Settings.class)
public class As2Keys {

    private static final Logger log = LoggerFactory.getLogger(As2Keys.class);

    private final As2Settings settings;
    private final List<KeyEntry> keys;

    public As2Keys(As2Settings settings, Clock clock) {
        this.settings = settings;
        this.keys = load(settings, clock.instant());
    }

    /** Whether we have keys, i.e. whether AS2 is on. */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    public String as2Id() {
        return settings.id();
    }

    /** The pair that signs and that partners encrypt to. */
    public Optional<KeyEntry> current() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    /** Every pair that may decrypt: the current one first, then the previous ones. */
    public List<KeyEntry> decrypting() {
        return keys;
    }

    private static List<KeyEntry> load(As2Settings settings, Instant now) {
        Path path = settings.keystore().path();
        if (path == null) {
            return List.of();
        }
        char[] password = settings.keystore().password() == null
                ? new char[0]
                : settings.keystore().password().toCharArray();
        try {
            if (!Files.exists(path)) {
                if (!settings.keystore().generate()) {
                    log.warn("AS2 keystore {} does not exist: AS2 is off", path);
                    return List.of();
                }
                generate(path, password, settings, now);
            }
            var store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password);
            }
            var entries = new ArrayList<KeyEntry>();
            var aliases = new ArrayList<String>();
            aliases.add(settings.keyAlias());
            aliases.addAll(settings.previousAliases());
            for (String alias : aliases) {
                if (!store.isKeyEntry(alias)) {
                    throw new IllegalStateException("the AS2 keystore " + path + " has no key '" + alias + "'");
                }
                entries.add(new KeyEntry(alias, (PrivateKey) store.getKey(alias, password), (X509Certificate)
                        store.getCertificate(alias)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AS2 keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the AS2 keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** A keystore with one self-signed pair, valid two years: for the demo, never for production. */
    private static void generate(Path path, char[] password, As2Settings settings, Instant now)
            throws IOException, GeneralSecurityException {
        KeyEntry key = SelfSigned.create(
                settings.keyAlias(), settings.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(key.alias(), key.key(), password, new Certificate[] {key.certificate()});
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        log.warn("created a self-signed AS2 key pair in {} (demo only)", path);
    }
}
