package io.seamline.adapters.persistence;

import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.util.List;
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
    private final WriteBehind<Acknowledged> acknowledged = new WriteBehind<>(this::writeAcknowledged);

    public InboundInterchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the interchange as brought by {@code message}; returns the message that brought it first, which is
     * {@code message} itself unless this is a duplicate. One round trip when the interchange is new or its first
     * message has committed.
     */
    public MessageId register(PartnerId partner, String controlNumber, MessageId message) {
        // the acknowledgements held back stay held: they change no row's message, and a batch writes them in one go
        return jdbc.sql(
                        """
                        with registered as (
                            insert into inbound_interchange (partner_id, control_number, message_id)
                            values (:partner, :control, :message)
                            on conflict (partner_id, control_number) do nothing
                            returning message_id)
                        select message_id from registered
                        union all
                        select message_id from inbound_interchange where partner_id = :partner
                            and control_number = :control
                        """)
                .param("partner", partner.value())
                .param("control", controlNumber)
                .param("message", message.value())
                .query((rs, n) -> MessageId.parse(rs.getString("message_id")))
                .optional()
                // the first message committed after this statement began (it waited for it): read it now
                .orElseGet(() -> firstMessage(partner, controlNumber));
    }

    private MessageId firstMessage(PartnerId partner, String controlNumber) {
        return jdbc.sql("select message_id from inbound_interchange where partner_id = :partner"
                        + " and control_number = :control")
                .param("partner", partner.value())
                .param("control", controlNumber)
                .query((rs, n) -> MessageId.parse(rs.getString("message_id")))
                .single();
    }

    private record Acknowledged(PartnerId partner, String controlNumber, MessageId ack) {}

    /** Records the acknowledgement we sent for the interchange, with the transaction's others when it commits. */
    public void acknowledged(PartnerId partner, String controlNumber, MessageId ack) {
        acknowledged.add(new Acknowledged(partner, controlNumber, ack));
    }

    private void writeAcknowledged(List<Acknowledged> all) {
        var rows = new BatchRows<>(all)
                .column("partner", "text", a -> a.partner().value())
                .column("control", "text", Acknowledged::controlNumber)
                .column("ack", "uuid", a -> a.ack().toString());
        rows.bind(jdbc.sql(
                        """
                        update inbound_interchange i set ack_message_id = v.ack
                        from %s
                        where i.partner_id = v.partner and i.control_number = v.control and %s
                        """
                                .formatted(rows.table("v"), rows.oneOf("i.control_number", "control"))))
                .update();
    }

    /** The acknowledgement we sent for the interchange, if we sent one. */
    public Optional<MessageId> acknowledgementOf(PartnerId partner, String controlNumber) {
        acknowledged.flush();
        return jdbc.sql("select ack_message_id from inbound_interchange where partner_id = :partner"
                        + " and control_number = :control and ack_message_id is not null")
                .param("partner", partner.value())
                .param("control", controlNumber)
                .query((rs, n) -> MessageId.parse(rs.getString("ack_message_id")))
                .optional();
    }

    /**
     * How an interchange is registered: by its control number, a test interchange apart (a partner's test and
     * production control numbers are separate sequences; a production interchange is never a duplicate of a test).
     */
    public static String key(String controlNumber, boolean test) {
        return test ? TEST + controlNumber : controlNumber;
    }

    private static final String TEST = "test:";

    /** The control number of the partner's interchange that came in last before the message's. */
    public Optional<String> previousControl(PartnerId partner, MessageId message) {
        return jdbc.sql(
                        """
                        select i.control_number from inbound_interchange i join message m on m.id = i.message_id
                        where i.partner_id = :partner and i.message_id <> :message
                          and m.received_at <= (select received_at from message where id = :message)
                        order by m.received_at desc, i.control_number desc limit 1
                        """)
                .param("partner", partner.value())
                .param("message", message.value())
                .query(String.class)
                .optional()
                .map(key -> key.startsWith(TEST) ? key.substring(TEST.length()) : key);
    }
}
