package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.as2.As2Exchange;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** AS2 exchanges by partner, direction and AS2 Message-ID. */
@Repository
public class As2Exchanges {

    private final JdbcClient jdbc;

    public As2Exchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an exchange; false when one with the same Message-ID was recorded first (a resend). */
    public boolean record(As2Exchange exchange) {
        return jdbc.sql(
                                """
                                insert into as2_exchange (partner_id, direction, as2_message_id, message_id, mic,
                                    mdn_mode, mdn_message_id, disposition, created_at, mdn_at)
                                values (:partner, :direction, :id, :message, :mic, :mode, :mdn, :disposition,
                                    :created, :mdnAt)
                                on conflict (partner_id, direction, as2_message_id) do nothing
                                """)
                        .param("partner", exchange.partnerId().value())
                        .param("direction", exchange.direction().name())
                        .param("id", exchange.as2MessageId())
                        .param(
                                "message",
                                exchange.messageId() == null
                                        ? null
                                        : exchange.messageId().value())
                        .param("mic", exchange.mic())
                        .param("mode", exchange.mdnMode().name())
                        .param(
                                "mdn",
                                exchange.mdnMessageId() == null
                                        ? null
                                        : exchange.mdnMessageId().value())
                        .param("disposition", exchange.disposition())
                        .param("created", timestamp(exchange.createdAt()))
                        .param("mdnAt", exchange.mdnAt() == null ? null : timestamp(exchange.mdnAt()))
                        .update()
                > 0;
    }

    public Optional<As2Exchange> find(PartnerId partner, Direction direction, String as2MessageId) {
        return jdbc.sql("select * from as2_exchange where partner_id = :partner and direction = :direction"
                        + " and as2_message_id = :id")
                .param("partner", partner.value())
                .param("direction", direction.name())
                .param("id", as2MessageId)
                .query((rs, n) -> exchange(rs))
                .optional();
    }

    /** The partner's MDN for one of our messages, once; false when it had one already. */
    public boolean receipted(PartnerId partner, String as2MessageId, MessageId mdn, String disposition, Instant at) {
        return jdbc.sql("update as2_exchange set mdn_message_id = :mdn, disposition = :disposition, mdn_at = :at"
                                + " where partner_id = :partner and direction = 'OUTBOUND' and as2_message_id = :id"
                                + " and mdn_at is null")
                        .param("partner", partner.value())
                        .param("id", as2MessageId)
                        .param("mdn", mdn == null ? null : mdn.value())
                        .param("disposition", disposition)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    private static As2Exchange exchange(ResultSet rs) throws SQLException {
        String message = rs.getString("message_id");
        String mdn = rs.getString("mdn_message_id");
        return new As2Exchange(
                PartnerId.of(rs.getString("partner_id")),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("as2_message_id"),
                message == null ? null : MessageId.parse(message),
                rs.getString("mic"),
                As2Exchange.MdnMode.valueOf(rs.getString("mdn_mode")),
                mdn == null ? null : MessageId.parse(mdn),
                rs.getString("disposition"),
                instant(rs, "created_at"),
                instant(rs, "mdn_at"));
    }
}
