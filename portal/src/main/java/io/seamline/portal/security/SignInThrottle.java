package io.seamline.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing. Failed sign-ins with a password (HTTP Basic on the API, SOAP and actuator; the
 * portal's login form) are counted per user name and per client address; after too many failures of one user, or
 * from one address, within a window ({@link SecuritySettings.SignIn}), further attempts are answered 429 with {@code
 * Retry-After} before any password is checked, for a pause that doubles with each new lockout. A successful sign-in clears its user's count. The counts live in this node's memory: with
 * several nodes an attacker spreads its guesses, and each node still slows it down.
 */
final class SignInThrottle {

    /** At most this many users and addresses are tracked; beyond it, the stalest are forgotten first. */
    private static final int CAPACITY = 100_000;

    private final SecuritySettings.SignIn settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(SecuritySettings.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Failures of one user or address: how many in the current window, and until when it must wait. */
    private record Failures(int count, Instant since, int lockouts, Instant blockedUntil) {}

    /** The filter that refuses a throttled sign-in before any password is checked. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> user = userOf(request);
                if (user.isPresent()) {
                    Optional<Duration> wait =
                            waitFor(user.get(), request.getRemoteAddr()).filter(d -> !d.isNegative());
                    if (wait.isPresent()) {
                        refuse(response, wait.get());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** How long a sign-in of this user from this address must wait, if it must. */
    Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(userKey(user)), blockedUntil(addressKey(address)));
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return; // a bad bearer token guesses no password
        }
        count(userKey(attempt.getName()), settings.userLimit());
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            count(addressKey(details.getRemoteAddress()), settings.addressLimit());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            failures.remove(userKey(signedIn.getName()));
        }
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        if (failures.size() >= CAPACITY) {
            failures.entrySet().removeIf(e -> e.getValue().since().isBefore(now.minus(settings.window())));
        }
        failures.compute(key, (k, before) -> {
            Failures current = before == null || before.since().isBefore(now.minus(settings.window()))
                    ? new Failures(0, now, before == null ? 0 : before.lockouts(), null)
                    : before;
            int count = current.count() + 1;
            if (count < limit) {
                return new Failures(count, current.since(), current.lockouts(), current.blockedUntil());
            }
            int lockouts = current.lockouts() + 1;
            Duration pause = settings.firstPause().multipliedBy(1L << Math.min(lockouts - 1, 10));
            if (pause.compareTo(settings.longestPause()) > 0) {
                pause = settings.longestPause();
            }
            // the window starts again: after the pause, the next failures count anew
            return new Failures(0, now, lockouts, now.plus(pause));
        });
    }

    private Instant blockedUntil(String key) {
        Failures found = failures.get(key);
        return found == null ? null : found.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** The user name a request signs in with: its Basic credentials, or the login form's {@code username}. */
    private static Optional<String> userOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not Base64: Spring Security refuses it as it is
            }
        }
        if ("POST".equals(request.getMethod()) && "/portal/login".equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many"
                        + " failed sign-ins; try again in " + seconds + " s.\"}");
    }
}
