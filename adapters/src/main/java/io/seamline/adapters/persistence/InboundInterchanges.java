package io.seamline.adapters.persistence;

import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which message first brought each interchange (sender and control number), and the acknowledgement we sent for
 * it: the second message with the same pair is a duplicate and gets the same acknowledgement again.
 */
@Repository
public class InboundInterchanges {

    private final JdbcClient jdbc;

    public InboundInterchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the interchange as brought by {@code message}; returns the message that brought it first, which is
     * {@code message} itself unless this is a duplicate.
     */
    public MessageId register(PartnerId partner, String controlNumber, MessageId message) {
        jdbc.sql(
                        """
                        insert into inbound_interchange (partner_id, control_number, message_id)
                        values (:partner, :control, :message)
                        on conflict (partner_id, control_number) do nothing
                        """)
                .param("partner", partner.value())
                .param("control", controlNumber)
                .param("message", message.value())
                .update();
        return jdbc.sql("select message_id from inbound_interchange where partner_id = :partner"
                        + " and control_number = :control")
                .param("partner", partner.value())
                .param("control", controlNumber)
                .query((rs, n) -> MessageId.parse(rs.getString("message_id")))
                .single();
    }

    public void acknowledged(PartnerId partner, String controlNumber, MessageId ack) {
        jdbc.sql("update inbound_interchange set ack_message_id = :ack where partner_id = :partner"
                        + " and control_number = :control")
                .param("partner", partner.value())
                .param("control", controlNumber)
                .param("ack", ack.value())
                .update();
    }

    /** The acknowledgement we sent for the interchange, if we sent one. */
    public Optional<MessageId> acknowledgementOf(PartnerId partner, String controlNumber) {
        return jdbc.sql("select ack_message_id from inbound_interchange where partner_id = :partner"
                        + " and control_number = :control and ack_message_id is not null")
                .param("partner", partner.value())
                .param("control", controlNumber)
                .query((rs, n) -> MessageId.parse(rs.getString("ack_message_id")))
                .optional();
    }
}
