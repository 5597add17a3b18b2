package io.seamline.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a while, which password matched which stored hash. A bcrypt check costs
 * tens of milliseconds of CPU by design; an API client that sends Basic credentials with every request would
 * otherwise spend the gateway's CPU on the same check thousands of times a second. Only matches are remembered
 * (a wrong password always pays the full price), under a SHA-256 of the stored hash and the password (never the
 * password itself), so a changed password or hash no longer matches what was remembered; entries expire after
 * {@code ttl}, and at most {@code capacity} are kept.
 */
final class RememberedPasswords implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> matched = new ConcurrentHashMap<>();

    public RememberedPasswords(PasswordEncoder delegate, Duration ttl, int capacity, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = matched.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (matched.size() >= capacity) {
                matched.values().removeIf(expiry -> !now.isBefore(expiry));
                if (matched.size() >= capacity) {
                    matched.clear();
                }
            }
            matched.put(key, now.plus(ttl));
        } else if (until != null) {
            matched.remove(key);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String key(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
