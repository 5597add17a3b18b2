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
import java.time.Instant;
import java.util.Map;

/** How a message row is read: its columns and the {@link ArchivedMessage} they make, and a partner scope's filter. */
final class MessageRows {

    /**
     * When an outbound message still QUEUED in its row went out: the first of its deliveries that did (null when none
     * has). A delivery that goes through is recorded by its delivery alone ({@code outbox_delivered}), not by
     * rewriting the message row; a message row says DELIVERED only when it went out after it had FAILED.
     */
    private static final String DELIVERED_AT = "(case when m.status = 'QUEUED' then (select min(o.delivered_at)"
            + " from outbox_now o where o.message_id = m.id and o.status = 'DELIVERED') end)";

    /** A message's status as it stands (of a row aliased {@code m}): its row's, or DELIVERED by its delivery. */
    static final String STATUS = "(case when " + DELIVERED_AT + " is not null then 'DELIVERED' else m.status end)";

    /**
     * The columns of a row aliased {@code m} that {@link #message} reads: the row's, and when it went out by a
     * delivery ({@code delivered_at}, asked once), which make its status and processing time as they stand.
     */
    static final String COLUMNS = "m.id, m.direction, m.channel, m.transport, m.format, m.partner_id, m.status,"
            + " m.status_reason, m.sha256, m.size_bytes, m.media_type, m.file_name, m.document_type,"
            + " m.interchange_control, m.group_controls, m.set_controls, m.received_at, m.processed_at,"
            + " m.related_message_id, m.ack_message_id, m.test, " + DELIVERED_AT + " as delivered_at";

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
        Instant delivered = instant(rs, "delivered_at");
        Instant processed = instant(rs, "processed_at");
        return new ArchivedMessage(
                MessageId.parse(rs.getString("id")),
                Direction.valueOf(rs.getString("direction")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("transport"),
                MessageFormat.valueOf(rs.getString("format")),
                partner == null ? null : PartnerId.of(partner),
                delivered != null ? MessageStatus.DELIVERED : MessageStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("media_type"),
                rs.getString("file_name"),
                rs.getString("document_type"),
                new ControlNumbers(
                        rs.getString("interchange_control"), texts(rs, "group_controls"), texts(rs, "set_controls")),
                instant(rs, "received_at"),
                processed != null ? processed : delivered,
                related == null ? null : MessageId.parse(related),
                ack == null ? null : MessageId.parse(ack),
                rs.getBoolean("test"));
    }
}
