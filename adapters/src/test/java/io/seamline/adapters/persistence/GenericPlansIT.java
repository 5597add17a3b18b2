package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A transaction on a document's path reuses one plan per statement, and the setting ends with it. */
class GenericPlansIT {

    private final TestDatabase db = TestDatabase.get();

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void statementsInATransactionOnADocumentsPathArePlannedOnceAndOthersKeepPostgreSQLsChoice() {
        try (var connection = db.oneConnection()) {
            var plans = new GenericPlans(connection.jdbc());
            for (int i = 0; i < 12; i++) {
                connection.transactions().executeWithoutResult(tx -> {
                    plans.forThisTransaction();
                    // a batch over an array: for one id PostgreSQL would make a plan for the values at every call
                    connection
                            .jdbc()
                            .sql("select count(*) from message where id = any(cast(:ids as uuid[]))")
                            .param("ids", new String[] {UUID.randomUUID().toString()})
                            .query(Long.class)
                            .single();
                });
            }
            String afterwards = connection.transactions().execute(tx -> setting(connection));

            assertThat(connection
                            .jdbc()
                            .sql("select custom_plans || ' ' || generic_plans from pg_prepared_statements"
                                    + " where statement like '%from message where id = any%'")
                            .query(String.class)
                            .single())
                    .as("plans for the values given, generic plans")
                    .startsWith("0 ")
                    .doesNotEndWith(" 0");
            assertThat(afterwards).as("a transaction that did not ask").isEqualTo("auto");
        }
    }

    private static String setting(TestDatabase.OneConnection connection) {
        return connection.jdbc().sql("show plan_cache_mode").query(String.class).single();
    }
}
