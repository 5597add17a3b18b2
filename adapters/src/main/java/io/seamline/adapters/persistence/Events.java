package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Canonical events, each pointing at the archived message it came from: the CloudEvents attributes in their own
 * columns and {@code data} as JSON (the envelope is not kept twice).
 */
@Repository
public class Events {

    /** Rows in one insert at most (nine parameters each). */
    private static final int ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;
    private final WriteBehind<CanonicalEvent> pending = new WriteBehind<>(this::insert);

    public Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event once; storing the same event id again changes nothing. Inside a transaction the events are
     * written together just before it commits (or before events are read), in the order appended.
     */
    public void append(CanonicalEvent event) {
        pending.add(event);
    }

    private void insert(List<CanonicalEvent> events) {
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<CanonicalEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            var params = new ArrayList<Object>(chunk.size() * 9);
            for (CanonicalEvent event : chunk) {
                params.add(UUID.fromString(event.id()));
                params.add(event.type());
                params.add(event.subject());
                params.add(event.partner() == null ? null : event.partner().value());
                params.add(event.message() == null ? null : event.message().value());
                params.add(event.channel().name());
                params.add(timestamp(event.time()));
                params.add(event.source());
                params.add(CloudEventsJson.writeData(event));
            }
            jdbc.sql(
                            "insert into event (id, type, subject, partner_id, message_id, channel, time, source, data) values "
                                    + String.join(
                                            ", ",
                                            Collections.nCopies(
                                                    chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))"))
                                    + " on conflict (id) do nothing")
                    .params(params)
                    .update();
        }
    }

    private static final String COLUMNS = "id, source, type, time, partner_id, message_id, channel, data, cloud_event";

    /**
     * An event from its row: the attributes' columns and {@code data}; rows written before V20 hold the whole
     * CloudEvent in {@code cloud_event} instead.
     */
    private static CanonicalEvent event(ResultSet rs) throws SQLException {
        String whole = rs.getString("cloud_event");
        if (whole != null) {
            return CloudEventsJson.read(whole);
        }
        String partner = rs.getString("partner_id");
        String message = rs.getString("message_id");
        return CloudEventsJson.fromParts(
                rs.getString("id"),
                rs.getString("source"),
                rs.getString("type"),
                Columns.instant(rs, "time"),
                partner == null ? null : PartnerId.of(partner),
                message == null ? null : MessageId.parse(message),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("data"));
    }

    public Optional<CanonicalEvent> find(UUID id) {
        pending.flush();
        return jdbc.sql("select " + COLUMNS + " from event where id = :id")
                .param("id", id)
                .query((rs, n) -> event(rs))
                .optional();
    }

    /** Types of the events about a subject, oldest first (what evidence a shipment has, for instance). */
    public List<CanonicalEvent> about(String subject, String type) {
        pending.flush();
        return jdbc.sql("select " + COLUMNS + " from event where subject = :subject and type = :type order by seq")
                .param("subject", subject)
                .param("type", type)
                .query((rs, n) -> event(rs))
                .list();
    }

    public List<CanonicalEvent> fromMessage(MessageId message) {
        pending.flush();
        return jdbc.sql("select " + COLUMNS + " from event where message_id = :message order by seq")
                .param("message", message.value())
                .query((rs, n) -> event(rs))
                .list();
    }

    public List<CanonicalEvent> about(String subject) {
        pending.flush();
        return jdbc.sql("select " + COLUMNS + " from event where subject = :subject order by seq")
                .param("subject", subject)
                .query((rs, n) -> event(rs))
                .list();
    }
}
