package io.seamline.adapters.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainTest {

    @Test
    void takesBatchesUntilOneComesBackShort() {
        var batches = new ArrayDeque<>(List.of(50, 50, 50, 12, 50));
        var calls = new AtomicInteger();

        int attempted = Drain.whileFull(50, () -> {
            calls.incrementAndGet();
            return batches.removeFirst();
        });

        assertThat(attempted).isEqualTo(162);
        assertThat(calls).hasValue(4);
    }

    @Test
    void takesOneBatchWhenNothingIsDue() {
        var calls = new AtomicInteger();

        assertThat(Drain.whileFull(50, () -> {
                    calls.incrementAndGet();
                    return 0;
                }))
                .isZero();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBatchThatThrowsEndsThePollInsteadOfBeingTakenAgainAtOnce() {
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> Drain.whileFull(50, () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("database unreachable");
                }))
                .hasMessage("database unreachable");
        assertThat(calls).hasValue(1);
    }
}
