package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.Subject;
import io.seamline.model.timeline.TimelineEntry;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written before V34, when a delivery that went through was also a timeline row, upgraded: each delivery
 * shows once, from its outbox row; a row whose delivery is no longer in the outbox, a failure and every other entry
 * stay as they were.
 */
class DeliveredEntriesUpgradeIT {

    private final TestDatabase db = TestDatabase.get();

    @Test
    void aDeliveryRecordedTwiceBeforeTheUpgradeShowsOnceAfterIt() {
        try (var scratch = ScratchDatabase.migratedTo(db, "33")) {
            JdbcClient jdbc = scratch.jdbc;
            UUID delivered = UUID.randomUUID();
            UUID document = UUID.randomUUID();
            UUID cause = UUID.randomUUID();
            UUID purged = UUID.randomUUID();
            UUID failed = UUID.randomUUID();
            var at = Timestamp.from(TestDatabase.NOW);
            jdbc.sql("insert into outbox (id, message_id, channel, target, status, attempts, created_at, delivered_at,"
                            + " subject, blob_key, document_type, cause_message_id) values"
                            + " (:a, :delivered, 'SFTP', '/sftp/acme/out', 'DELIVERED', 1, :at, :at, 'po/1', null,"
                            + " null, null),"
                            + " (:b, :document, 'FILE', '/outbox/erp', 'DELIVERED', 2, :at, :at, 'po/1', 'k1',"
                            + " 'commitment.applied', :cause),"
                            + " (:c, :failed, 'SFTP', '/sftp/acme/out', 'FAILED', 10, :at, null, 'po/1', null, null,"
                            + " null)")
                    .param("a", UUID.randomUUID())
                    .param("b", UUID.randomUUID())
                    .param("c", UUID.randomUUID())
                    .param("delivered", delivered)
                    .param("document", document)
                    .param("failed", failed)
                    .param("cause", cause)
                    .param("at", at)
                    .update();
            String entry = "insert into timeline_entry (subject, at, kind, summary, actor, details, partner_visible,"
                    + " message_id) values ('po/1', :at, :kind, :summary, 'system', cast(:details as jsonb), true,"
                    + " :message)";
            Object[][] rows = {
                {"DELIVERY", "message delivered", "{\"attempt\": 1, \"messageId\": \"" + delivered + "\"}", delivered},
                {
                    "ERP_WRITEBACK",
                    "ERP write-back commitment.applied delivered",
                    "{\"attempt\": 2, \"documentId\": \"" + document + "\"}",
                    cause
                },
                {"DELIVERY", "850 000000007 delivered", "{\"attempt\": 1, \"messageId\": \"" + purged + "\"}", purged},
                {
                    "DELIVERY",
                    "message failed for good after 10 attempt(s): refused",
                    "{\"attempt\": 10, \"messageId\": \"" + failed + "\", \"error\": \"refused\"}",
                    failed
                },
                {"MESSAGE", "855 received from acme-supply", "{}", cause}
            };
            for (Object[] row : rows) {
                jdbc.sql(entry)
                        .param("at", at)
                        .param("kind", row[0])
                        .param("summary", row[1])
                        .param("details", row[2])
                        .param("message", row[3])
                        .update();
            }

            scratch.upgrade();

            assertThat(new Timelines(jdbc).of(new Subject("po", "1"), false))
                    .extracting(TimelineEntry::summary)
                    .containsExactlyInAnyOrder(
                            "message delivered",
                            "ERP write-back commitment.applied delivered",
                            "850 000000007 delivered",
                            "message failed for good after 10 attempt(s): refused",
                            "855 received from acme-supply");
            assertThat(jdbc.sql("select count(*) from timeline_entry")
                            .query(Long.class)
                            .single())
                    .as("the two rows that repeated an outbox row are gone")
                    .isEqualTo(3);
        }
    }
}
