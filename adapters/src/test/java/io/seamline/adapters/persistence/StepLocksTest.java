package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.message.TimeOrderedIds;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StepLocksTest {

    @Test
    void theStepsOfMessagesReceivedInOneMillisecondTakeLocksOfTheirOwn() {
        Instant at = Instant.parse("2026-12-07T10:15:30.123Z");
        var locks = new HashSet<Long>();
        for (int i = 0; i < 100; i++) {
            UUID message = TimeOrderedIds.at(at);
            locks.add(StepLocks.key(Columns.step(message + ":respond")));
            locks.add(StepLocks.key(Columns.step("ack:" + message + ":000000001")));
        }

        assertThat(locks)
                .as("two writers of different steps never wait for each other")
                .hasSize(200);
    }

    @Test
    void aStepKeyWithoutATimeOrderedIdLocksItsFirstSixtyFourBitsAsBefore() {
        UUID step = Columns.step("3ee6c117-e84e-4555-89cc-d1df40d9a6ee:respond");

        assertThat(StepLocks.key(step)).isEqualTo(step.getMostSignificantBits());
    }
}
