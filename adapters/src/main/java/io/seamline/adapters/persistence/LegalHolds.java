package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.retention.LegalHold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Legal holds: set, lifted (the row stays, with who lifted it and why), and those in force. */
@Repository
public class LegalHolds {

    private final JdbcClient jdbc;

    public LegalHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LegalHold set(String subject, String reason, String by, Instant at) {
        var hold = new LegalHold(UUID.randomUUID(), subject, reason, by, at, null, null, null);
        jdbc.sql(
                        "insert into legal_hold (id, subject, reason, set_by, set_at) values (:id, :subject, :reason, :by, :at)")
                .param("id", hold.id())
                .param("subject", subject)
                .param("reason", reason)
                .param("by", by)
                .param("at", timestamp(at))
                .update();
        return hold;
    }

    /** Lifts a hold in force; empty when there is none under {@code id} (or it was lifted before). */
    public Optional<LegalHold> lift(UUID id, String reason, String by, Instant at) {
        return jdbc.sql("update legal_hold set lifted_by = :by, lifted_at = :at, lift_reason = :reason"
                        + " where id = :id and lifted_at is null returning *")
                .param("id", id)
                .param("by", by)
                .param("at", timestamp(at))
                .param("reason", reason)
                .query((rs, n) -> hold(rs))
                .optional();
    }

    public Optional<LegalHold> find(UUID id) {
        return jdbc.sql("select * from legal_hold where id = :id")
                .param("id", id)
                .query((rs, n) -> hold(rs))
                .optional();
    }

    public List<LegalHold> inForce() {
        return jdbc.sql("select * from legal_hold where lifted_at is null order by set_at, id")
                .query((rs, n) -> hold(rs))
                .list();
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        return new LegalHold(
                rs.getObject("id", UUID.class),
                rs.getString("subject"),
                rs.getString("reason"),
                rs.getString("set_by"),
                Columns.instant(rs, "set_at"),
                rs.getString("lifted_by"),
                Columns.instant(rs, "lifted_at"),
                rs.getString("lift_reason"));
    }
}
