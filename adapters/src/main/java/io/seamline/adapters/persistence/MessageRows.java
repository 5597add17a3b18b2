package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.texts;

import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** How a message row is read: its columns and the {@link ArchivedMessage} they make, and a partner scope's filter. */
final class MessageRows {

    static final String COLUMNS = "id, direction, channel, transport, format, partner_id, status, status_reason,"
            + " sha256, size_bytes, media_type, file_name, document_type, interchange_control, group_controls,"
            + " set_controls, received_at, processed_at, related_message_id, ack_message_id, test";

    /** Separates control numbers in one text (they are letters and digits; this never occurs in them). */
    static final String CONTROLS_SEPARATOR = "\u001f";

    private MessageRows() {}

    static String scopeFilter(PartnerScope scope, Map<String, Object> params) {
        return scope.restrictedTo()
                .map(p -> {
                    params.put("scopePartner", p.value());
                    return " and m.partner_id = :scopePartner";
                })
                .orElse("");
    }

    static ArchivedMessage message(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        String related = rs.getString("related_message_id");
        String ack = rs.getString("ack_message_id");
        return new ArchivedMessage(
                MessageId.parse(rs.getString("id")),
                Direction.valueOf(rs.getString("direction")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("transport"),
                MessageFormat.valueOf(rs.getString("format")),
                partner == null ? null : PartnerId.of(partner),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("media_type"),
                rs.getString("file_name"),
                rs.getString("document_type"),
                new ControlNumbers(
                        rs.getString("interchange_control"), texts(rs, "group_controls"), texts(rs, "set_controls")),
                instant(rs, "received_at"),
                instant(rs, "processed_at"),
                related == null ? null : MessageId.parse(related),
                ack == null ? null : MessageId.parse(ack),
                rs.getBoolean("test"));
    }
}
