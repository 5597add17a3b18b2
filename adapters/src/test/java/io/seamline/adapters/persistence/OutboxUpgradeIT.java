package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.outbox.OutboundDelivery;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database with deliveries in every state, written before V27, upgraded: the pending one is claimed, the failed one
 * is found and retried, the delivered one is neither.
 */
class OutboxUpgradeIT {

    private final TestDatabase db = TestDatabase.get();

    @Test
    void deliveriesQueuedBeforeOutboxOpenAreClaimedAndFoundAfterTheUpgrade() {
        try (var scratch = ScratchDatabase.migratedTo(db, "26")) {
            JdbcClient jdbc = scratch.jdbc;
            UUID pending = UUID.randomUUID();
            UUID failed = UUID.randomUUID();
            UUID delivered = UUID.randomUUID();
            for (Object[] row : List.of(
                    new Object[] {pending, "PENDING", null},
                    new Object[] {failed, "FAILED", null},
                    new Object[] {delivered, "DELIVERED", null})) {
                jdbc.sql("insert into outbox (id, message_id, channel, target, status, next_attempt_at, created_at)"
                                + " values (:id, :message, 'HTTP', 'http://erp.example', :status, :next, :at)")
                        .param("id", row[0])
                        .param("message", UUID.randomUUID())
                        .param("status", row[1])
                        .param("next", row[2])
                        .param("at", Timestamp.from(TestDatabase.NOW))
                        .update();
            }

            scratch.upgrade();

            var outbox = new Outbox(jdbc, db.blobs);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(scratch.dataSource));
            List<OutboundDelivery> claimed = transactions.execute(
                    tx -> outbox.claimDue(TestDatabase.NOW.plusSeconds(1), 10).deliveries());
            assertThat(claimed).extracting(OutboundDelivery::id).containsExactly(pending);
            assertThat(outbox.failed(10)).extracting(OutboundDelivery::id).containsExactly(failed);
            assertThat(outbox.retry(failed, TestDatabase.NOW.plusSeconds(2))).isTrue();
            List<OutboundDelivery> again = transactions.execute(
                    tx -> outbox.claimDue(TestDatabase.NOW.plusSeconds(3), 10).deliveries());
            assertThat(again).extracting(OutboundDelivery::id).containsExactlyInAnyOrder(pending, failed);
        }
    }
}
