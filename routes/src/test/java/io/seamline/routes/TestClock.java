package io.seamline.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock until a test sets the time; then time stands still until the test moves it. */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Stops time at {@code at}. */
    public void set(Instant at) {
        fixed.set(at);
    }

    /** Moves stopped time forward. */
    public void advance(Duration by) {
        fixed.updateAndGet(at -> (at == null ? Instant.now() : at).plus(by));
    }

    /** Back to the system clock. */
    public void release() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
