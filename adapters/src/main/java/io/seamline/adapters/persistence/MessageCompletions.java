package io.seamline.adapters.persistence;

import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How processing a message ended: written behind, one statement per transaction for all of its messages, when it
 * commits or before the archive is read again ({@link #flush}, which also writes the deliveries that went through:
 * an outbound message's status is theirs).
 */
@Repository
public class MessageCompletions {

    private final JdbcClient jdbc;
    private final WriteBehind<Completed> completed = new WriteBehind<>(this::writeCompleted);

    public MessageCompletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How processing an inbound message ended: what reading it told ({@code partner}, {@code documentType},
     * {@code controls}; nulls leave what the message had), the acknowledgement sent for it (or null), its final status
     * and why; whether it ran as test traffic, and then what it would have done ({@code wouldHave}, JSON).
     */
    public record Completed(
            MessageId id,
            PartnerId partner,
            String documentType,
            ControlNumbers controls,
            MessageId acknowledgement,
            MessageStatus status,
            String reason,
            Instant at,
            boolean test,
            String wouldHave) {

        /** Production traffic. */
        public Completed(
                MessageId id,
                PartnerId partner,
                String documentType,
                ControlNumbers controls,
                MessageId acknowledgement,
                MessageStatus status,
                String reason,
                Instant at) {
            this(id, partner, documentType, controls, acknowledgement, status, reason, at, false, null);
        }
    }

    /**
     * Records how processing a message the current transaction took (RECEIVED, locked) ended: one update of the
     * message, written with those of the transaction's other messages in one statement when it commits (or before
     * the archive is read again). A message that is no longer RECEIVED by then keeps its status.
     */
    public void complete(Completed message) {
        completed.add(message);
    }

    /**
     * Writes what the current transaction holds back, so that a read or a write sees and follows it: also the
     * deliveries that went through ({@link Outbox#delivered}), which say an outbound message is DELIVERED.
     */
    void flush() {
        completed.flush();
        WriteBehind.flush(Outbox.DELIVERED_HELD_BACK);
    }

    private void writeCompleted(List<Completed> all) {
        String separator = MessageRows.CONTROLS_SEPARATOR;
        var rows = new BatchRows<>(all)
                .column("id", "uuid", c -> c.id().toString())
                .column(
                        "partner",
                        "text",
                        c -> c.partner() == null ? null : c.partner().value())
                .column("document_type", "text", Completed::documentType)
                .column("interchange", "text", c -> told(c, ControlNumbers::interchange))
                .column("described", "boolean", c -> String.valueOf(c.controls() != null))
                .column("groups", "text", c -> told(c, controls -> String.join(separator, controls.groups())))
                .column("sets", "text", c -> told(c, controls -> String.join(separator, controls.sets())))
                .column(
                        "ack",
                        "uuid",
                        c -> c.acknowledgement() == null
                                ? null
                                : c.acknowledgement().toString())
                .column("status", "text", c -> c.status().name())
                .column("reason", "text", Completed::reason)
                .column("final", "boolean", c -> String.valueOf(c.status().isFinal()))
                .column("at", "timestamptz", c -> c.at().toString())
                .column("test", "boolean", c -> String.valueOf(c.test()))
                .column("would_have", "text", Completed::wouldHave);
        rows.bind(jdbc.sql(
                                """
                        with done as (
                        update message m set partner_id = coalesce(v.partner, m.partner_id),
                            document_type = coalesce(v.document_type, m.document_type),
                            interchange_control = coalesce(v.interchange, m.interchange_control),
                            group_controls = case when v.described then string_to_array(v.groups, :separator)
                                else m.group_controls end,
                            set_controls = case when v.described then string_to_array(v.sets, :separator)
                                else m.set_controls end,
                            ack_message_id = coalesce(v.ack, m.ack_message_id),
                            status = case when m.status = 'RECEIVED' then v.status else m.status end,
                            status_reason = case when m.status = 'RECEIVED' then v.reason else m.status_reason end,
                            processed_at = case when m.status = 'RECEIVED' and v.final then v.at else m.processed_at end,
                            test = m.test or v.test,
                            would_have = coalesce(cast(v.would_have as jsonb), m.would_have)
                        from %s
                        where m.id = v.id and %s
                        returning m.id, m.status)
                        delete from message_waiting where %s
                            and message_id in (select id from done where status <> 'RECEIVED')
                        """
                                        .formatted(
                                                rows.table("v"),
                                                rows.oneOf("m.id", "id"),
                                                rows.oneOf("message_id", "id")))
                        .param("separator", separator))
                .update();
    }

    /** What reading a message told of its control numbers, or null when reading told nothing. */
    private static String told(Completed message, Function<ControlNumbers, String> part) {
        return message.controls() == null ? null : part.apply(message.controls());
    }
}
