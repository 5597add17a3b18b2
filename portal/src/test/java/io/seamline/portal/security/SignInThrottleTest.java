package io.seamline.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SecuritySettings.SignIn(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
            clock);

    @Test
    void fiveFailuresOfOneUserMakeItWaitAndEachLockoutDoublesThePause() {
        fail("nordic", "10.0.0.1", 4);
        assertThat(throttle.waitFor("nordic", "10.0.0.1")).isEmpty();

        fail("nordic", "10.0.0.1", 1);

        assertThat(throttle.waitFor("nordic", "10.0.0.2")).hasValue(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("acme", "10.0.0.1")).isEmpty();
        clock.move(Duration.ofSeconds(31));
        assertThat(throttle.waitFor("nordic", "10.0.0.1")).isEmpty();
        fail("nordic", "10.0.0.1", 5);
        assertThat(throttle.waitFor("nordic", "10.0.0.1")).hasValue(Duration.ofSeconds(60));
    }

    @Test
    void twentyFailuresFromOneAddressMakeEveryUserThereWait() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "10.9.9.9", 1);
        }

        assertThat(throttle.waitFor("someone-else", "10.9.9.9")).isPresent();
        assertThat(throttle.waitFor("someone-else", "10.9.9.8")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsItsUsersFailures() {
        fail("nordic", "10.0.0.1", 4);
        var token = UsernamePasswordAuthenticationToken.authenticated("nordic", null, java.util.List.of());
        throttle.succeeded(new AuthenticationSuccessEvent(token));

        fail("nordic", "10.0.0.1", 4);

        assertThat(throttle.waitFor("nordic", "10.0.0.3")).isEmpty();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, "guess");
            var request = new org.springframework.mock.web.MockHttpServletRequest();
            request.setRemoteAddr(address);
            attempt.setDetails(new WebAuthenticationDetails(request));
            throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

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
    }
}
