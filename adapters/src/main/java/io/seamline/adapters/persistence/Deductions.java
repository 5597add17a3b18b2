package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.OBJECT;
import static io.seamline.adapters.persistence.Columns.decimal;
import static io.seamline.adapters.persistence.Columns.instant;

import io.seamline.model.Page;
import io.seamline.model.Window;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.payment.Deduction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deductions we propose, decide, send and have disputed; each proposed once per step key. */
@Repository
public class Deductions {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Deductions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Proposes a deduction once per {@code stepKey}; returns the one stored (the earlier one on a repeat). */
    public Deduction propose(Deduction deduction, String stepKey) {
        jdbc.sql(
                        """
                        insert into deduction (id, number, partner_id, subject, reason_code, reason, amount, currency,
                            status, evidence, step_key, created_at, updated_at)
                        values (:id, :number, :partner, :subject, :code, :reason, :amount, :currency, 'PROPOSED',
                            cast(:evidence as jsonb), :step, :now, :now)
                        on conflict (step_key) do nothing
                        """)
                .param("id", deduction.id())
                .param("number", deduction.number())
                .param("partner", deduction.partnerId().value())
                .param("subject", deduction.subject())
                .param("code", deduction.reasonCode())
                .param("reason", deduction.reason())
                .param("amount", deduction.amount())
                .param("currency", deduction.currency())
                .param("evidence", Columns.json(deduction.evidence()))
                .param("step", stepKey)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select * from deduction where step_key = :step")
                .param("step", stepKey)
                .query((rs, n) -> deduction(rs))
                .single();
    }

    /** A new deduction's number, as the partner sees it: short, unique, never reused. */
    public static String number(UUID id) {
        return "DED-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public Optional<Deduction> find(UUID id) {
        return jdbc.sql("select * from deduction where id = :id")
                .param("id", id)
                .query((rs, n) -> deduction(rs))
                .optional();
    }

    public Optional<Deduction> byNumber(String number) {
        return jdbc.sql("select * from deduction where number = :number")
                .param("number", number == null ? "" : number.trim().toUpperCase(Locale.ROOT))
                .query((rs, n) -> deduction(rs))
                .optional();
    }

    /** Moves a deduction from one of {@code from} to {@code to}; false when it was not in one of them. */
    public boolean move(UUID id, List<Deduction.Status> from, Deduction.Status to) {
        return jdbc.sql(
                                """
                                update deduction set status = :to, updated_at = :now
                                where id = :id and status = any(:from)
                                """)
                        .param("to", to.name())
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                        .update()
                > 0;
    }

    /** The partner disputes an approved (or upheld) deduction; false when it cannot be disputed now. */
    public boolean dispute(UUID id, String reason) {
        return jdbc.sql(
                                """
                                update deduction set status = 'DISPUTED', dispute_reason = :reason,
                                    disputed_at = :now, updated_at = :now
                                where id = :id and status in ('APPROVED', 'UPHELD')
                                """)
                        .param("reason", reason)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                > 0;
    }

    /** A partner's deductions, newest first (every partner's for {@code partner} null). */
    public Page<Deduction> list(PartnerId partner, Window window) {
        String where = " where (cast(:partner as text) is null or partner_id = :partner)";
        String id = partner == null ? null : partner.value();
        long total = jdbc.sql("select count(*) from deduction" + where)
                .param("partner", id)
                .query(Long.class)
                .single();
        List<Deduction> items = jdbc.sql(
                        "select * from deduction" + where + " order by created_at desc, id limit :limit offset :offset")
                .param("partner", id)
                .param("limit", window.limit())
                .param("offset", window.offset())
                .query((rs, n) -> deduction(rs))
                .list();
        return new Page<>(items, total, window.limit(), window.offset());
    }

    private static Deduction deduction(ResultSet rs) throws SQLException {
        String sent = rs.getString("sent_message_id");
        return new Deduction(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                PartnerId.of(rs.getString("partner_id")),
                rs.getString("subject"),
                rs.getString("reason_code"),
                rs.getString("reason"),
                decimal(rs, "amount"),
                rs.getString("currency").trim(),
                Deduction.Status.valueOf(rs.getString("status")),
                Columns.json(rs, "evidence", OBJECT),
                sent == null ? null : new MessageId(UUID.fromString(sent)),
                rs.getString("dispute_reason"),
                instant(rs, "disputed_at"),
                instant(rs, "created_at"));
    }
}
