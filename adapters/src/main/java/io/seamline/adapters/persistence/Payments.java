package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.date;
import static io.seamline.adapters.persistence.Columns.decimal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.model.Page;
import io.seamline.model.Window;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.payment.Payment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the ERP paid partners, once per payment id, with the remittance advice each became. */
@Repository
public class Payments {

    private static final TypeReference<List<Payment.PaidInvoice>> INVOICES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;

    public Payments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the payment; false when a payment with its id was recorded before (a resend changes nothing). */
    public boolean record(Payment payment) {
        return jdbc.sql(
                                """
                                insert into payment (payment_id, partner_id, paid_at, currency, amount, invoices,
                                    created_at)
                                values (:id, :partner, :paid, :currency, :amount, cast(:invoices as jsonb), :now)
                                on conflict (payment_id) do nothing
                                """)
                        .param("id", payment.paymentId())
                        .param("partner", payment.partnerId().value())
                        .param("paid", payment.paidAt())
                        .param("currency", payment.currency())
                        .param("amount", payment.amount())
                        .param("invoices", Columns.json(payment.invoices()))
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    public void advised(String paymentId, MessageId advice) {
        jdbc.sql("update payment set advice_message_id = :advice where payment_id = :id")
                .param("advice", advice.value())
                .param("id", paymentId)
                .update();
    }

    /** A partner's payments, newest first (every partner's for {@code partner} null). */
    public Page<Payment> list(PartnerId partner, Window window) {
        String where = " where (cast(:partner as text) is null or partner_id = :partner)";
        String id = partner == null ? null : partner.value();
        long total = jdbc.sql("select count(*) from payment" + where)
                .param("partner", id)
                .query(Long.class)
                .single();
        List<Payment> items = jdbc.sql("select * from payment" + where
                        + " order by paid_at desc, payment_id limit :limit offset :offset")
                .param("partner", id)
                .param("limit", window.limit())
                .param("offset", window.offset())
                .query((rs, n) -> payment(rs))
                .list();
        return new Page<>(items, total, window.limit(), window.offset());
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(
                rs.getString("payment_id"),
                PartnerId.of(rs.getString("partner_id")),
                date(rs, "paid_at"),
                rs.getString("currency").trim(),
                decimal(rs, "amount"),
                Columns.json(rs, "invoices", INVOICES));
    }
}
