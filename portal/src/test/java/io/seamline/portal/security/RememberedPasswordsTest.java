package io.seamline.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-11-27T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RememberedPasswords passwords = new RememberedPasswords(counting, Duration.ofMinutes(5), 100, clock);

    @Test
    void aMatchingPasswordIsCheckedOnceWhileRemembered() {
        String hash = bcrypt.encode("s3cret");

        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(passwords.matches("s3cret", hash)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverRemembered() {
        String hash = bcrypt.encode("s3cret");
        passwords.matches("s3cret", hash);

        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(passwords.matches("guess", hash)).isFalse();

        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedHashDoesNotMatchWhatWasRememberedForTheOldOne() {
        String old = bcrypt.encode("s3cret");
        passwords.matches("s3cret", old);

        String changed = bcrypt.encode("n3w");

        assertThat(passwords.matches("s3cret", changed)).isFalse();
        assertThat(passwords.matches("n3w", changed)).isTrue();
    }

    @Test
    void aRememberedMatchExpires() {
        String hash = bcrypt.encode("s3cret");
        passwords.matches("s3cret", hash);

        now = now.plus(Duration.ofMinutes(6));
        passwords.matches("s3cret", hash);

        assertThat(checks).hasValue(2);
    }
}
