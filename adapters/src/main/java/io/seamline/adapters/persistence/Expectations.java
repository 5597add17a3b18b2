package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Subject;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA expectations: what is owed by when, and whether it came. */
@Repository
public class Expectations {

    private final JdbcClient jdbc;

    public Expectations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an expectation once per {@code stepKey}; returns whether it was opened now. */
    public boolean open(Expectation expectation, String stepKey) {
        return jdbc.sql(
                                """
                                insert into sla_expectation (id, kind, subject, partner_id, status, opened_at,
                                    warn_at, due_at, reference, step_key)
                                values (:id, :kind, :subject, :partner, :status, :opened, :warn, :due, :reference,
                                    :stepKey)
                                on conflict (step_key) do nothing
                                """)
                        .param("id", expectation.id())
                        .param("kind", expectation.kind())
                        .param("subject", expectation.subject().toString())
                        .param(
                                "partner",
                                expectation.partnerId() == null
                                        ? null
                                        : expectation.partnerId().value())
                        .param("status", expectation.status().name())
                        .param("opened", timestamp(expectation.openedAt()))
                        .param("warn", timestamp(expectation.warnAt()))
                        .param("due", timestamp(expectation.dueAt()))
                        .param("reference", expectation.reference())
                        .param("stepKey", stepKey)
                        .update()
                > 0;
    }

    /** Closes the open expectations of a kind about a subject as FULFILLED; returns how many. */
    public int fulfil(String kind, Subject subject, Instant at) {
        return close(kind, subject, ExpectationStatus.FULFILLED, at);
    }

    public int close(String kind, Subject subject, ExpectationStatus status, Instant at) {
        return jdbc.sql(
                        """
                        update sla_expectation set status = :status, closed_at = :at
                        where kind = :kind and subject = :subject and status = 'OPEN'
                        """)
                .param("status", status.name())
                .param("at", timestamp(at))
                .param("kind", kind)
                .param("subject", subject.toString())
                .update();
    }

    /** Open expectations past their deadline at {@code now}, oldest deadline first. */
    public List<Expectation> overdue(Instant now, int limit) {
        return jdbc.sql("select * from sla_expectation where status = 'OPEN' and due_at <= :now"
                        + " order by due_at, id limit :limit")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> expectation(rs))
                .list();
    }

    /** Marks an open expectation BREACHED; false if something else closed it first. */
    public boolean breach(UUID id, Instant at) {
        return jdbc.sql("update sla_expectation set status = 'BREACHED', closed_at = :at"
                                + " where id = :id and status = 'OPEN'")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    public List<Expectation> about(Subject subject) {
        return jdbc.sql("select * from sla_expectation where subject = :subject order by opened_at, id")
                .param("subject", subject.toString())
                .query((rs, n) -> expectation(rs))
                .list();
    }

    private static Expectation expectation(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new Expectation(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                Subject.parse(rs.getString("subject")),
                partner == null ? null : PartnerId.of(partner),
                ExpectationStatus.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                instant(rs, "warn_at"),
                instant(rs, "due_at"),
                instant(rs, "closed_at"),
                rs.getString("reference"));
    }
}
