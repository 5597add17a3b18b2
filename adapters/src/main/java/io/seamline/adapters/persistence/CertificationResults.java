package io.seamline.adapters.persistence;

import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a partner's test documents showed per scenario of a document type's checklist: the first document that passed
 * it (a scenario once passed stays passed) and the latest one that tried, with why it failed.
 */
@Repository
public class CertificationResults {

    private final JdbcClient jdbc;

    public CertificationResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One scenario's result. */
    public record Result(
            PartnerId partner,
            Direction direction,
            String documentType,
            String scenario,
            MessageId passedBy,
            Instant passedAt,
            MessageId lastMessage,
            Instant lastAt,
            Boolean lastPassed,
            String lastDetail) {

        public boolean passed() {
            return passedBy != null;
        }
    }

    /** A test document's outcome for one scenario: passed, or not and why (null detail when it just did not try). */
    public void record(
            PartnerId partner,
            Direction direction,
            String documentType,
            String scenario,
            MessageId message,
            Instant at,
            boolean passed,
            String detail) {
        jdbc.sql(
                        """
                        insert into certification_result (partner_id, direction, document_type, scenario,
                            passed_message_id, passed_at, last_message_id, last_at, last_passed, last_detail)
                        values (:partner, :direction, :type, :scenario, :passedBy, :passedAt, :message, :at, :passed,
                            :detail)
                        on conflict (partner_id, direction, document_type, scenario) do update set
                            passed_message_id = coalesce(certification_result.passed_message_id,
                                excluded.passed_message_id),
                            passed_at = coalesce(certification_result.passed_at, excluded.passed_at),
                            last_message_id = excluded.last_message_id, last_at = excluded.last_at,
                            last_passed = excluded.last_passed, last_detail = excluded.last_detail
                        """)
                .param("partner", partner.value())
                .param("direction", direction.name())
                .param("type", documentType)
                .param("scenario", scenario)
                .param("passedBy", passed ? message.value() : null)
                .param("passedAt", passed ? Timestamp.from(at) : null)
                .param("message", message.value())
                .param("at", Timestamp.from(at))
                .param("passed", passed)
                .param("detail", detail)
                .update();
    }

    public List<Result> of(PartnerId partner) {
        return jdbc.sql("select * from certification_result where partner_id = :partner"
                        + " order by direction, document_type, scenario")
                .param("partner", partner.value())
                .query((rs, n) -> result(rs))
                .list();
    }

    private static Result result(ResultSet rs) throws SQLException {
        String passedBy = rs.getString("passed_message_id");
        String last = rs.getString("last_message_id");
        Timestamp passedAt = rs.getTimestamp("passed_at");
        Timestamp lastAt = rs.getTimestamp("last_at");
        Object lastPassed = rs.getObject("last_passed");
        return new Result(
                PartnerId.of(rs.getString("partner_id")),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("document_type"),
                rs.getString("scenario"),
                passedBy == null ? null : MessageId.parse(passedBy),
                passedAt == null ? null : passedAt.toInstant(),
                last == null ? null : MessageId.parse(last),
                lastAt == null ? null : lastAt.toInstant(),
                lastPassed == null ? null : (Boolean) lastPassed,
                rs.getString("last_detail"));
    }
}
