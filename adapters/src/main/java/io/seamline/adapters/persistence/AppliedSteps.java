package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Guards effects that are not idempotent by nature (adding a quantity): in the same transaction as the effect,
 * {@link #once} says whether this step key runs for the first time.
 */
@Repository
public class AppliedSteps {

    private final JdbcClient jdbc;

    public AppliedSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a step key is seen; false ever after (once the transaction commits). */
    public boolean once(String stepKey, Instant at) {
        return jdbc.sql("insert into applied_step (step_key, at) values (:key, :at) on conflict do nothing")
                        .param("key", stepKey)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }
}
