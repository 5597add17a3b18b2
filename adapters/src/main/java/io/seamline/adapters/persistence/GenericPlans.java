package io.seamline.adapters.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL's generic plans for the rest of a transaction on a document's path. A statement prepared on a connection
 * is planned once and its plan reused only while PostgreSQL finds that plan no dearer than the one it would make for
 * the values given; for many of a document's statements (a PO's lines by number, an SLA expectation met, a batch over
 * arrays) it did not, as its statistics moved under the load, and planned them afresh at every call: 2.9 s of
 * planning for 12.3 s of execution per 9,000 documents. Those statements look rows up by key, where the plan is the
 * same whatever the key; with generic plans their execution took no longer (BENCHMARKS, tenth step). Reads and reports
 * outside a document's path (lists filtered by status or time, where the values do change the plan) keep PostgreSQL's
 * choice.
 */
@Repository
public class GenericPlans {

    private final JdbcClient jdbc;

    public GenericPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until the current transaction ends, statements reuse their generic plan ({@code set local}: nothing outlives it). */
    public void forThisTransaction() {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
    }
}
