package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.MessageId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Canonical events as CloudEvents JSON, each pointing at the archived message it came from. */
@Repository
public class Events {

    private final JdbcClient jdbc;

    public Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event once; storing the same event id again changes nothing. Returns whether it was new. */
    public boolean append(CanonicalEvent event) {
        return jdbc.sql(
                                """
                                insert into event (id, type, subject, partner_id, message_id, channel, time,
                                    cloud_event)
                                values (:id, :type, :subject, :partner, :message, :channel, :time,
                                    cast(:json as jsonb))
                                on conflict (id) do nothing
                                """)
                        .param("id", UUID.fromString(event.id()))
                        .param("type", event.type())
                        .param("subject", event.subject())
                        .param(
                                "partner",
                                event.partner() == null ? null : event.partner().value())
                        .param(
                                "message",
                                event.message() == null ? null : event.message().value())
                        .param("channel", event.channel().name())
                        .param("time", timestamp(event.time()))
                        .param("json", CloudEventsJson.write(event))
                        .update()
                > 0;
    }

    public Optional<CanonicalEvent> find(UUID id) {
        return jdbc.sql("select cloud_event from event where id = :id")
                .param("id", id)
                .query((rs, n) -> CloudEventsJson.read(rs.getString("cloud_event")))
                .optional();
    }

    /** Types of the events about a subject, oldest first (what evidence a shipment has, for instance). */
    public List<CanonicalEvent> about(String subject, String type) {
        return jdbc.sql("select cloud_event from event where subject = :subject and type = :type order by seq")
                .param("subject", subject)
                .param("type", type)
                .query((rs, n) -> CloudEventsJson.read(rs.getString("cloud_event")))
                .list();
    }

    public List<CanonicalEvent> fromMessage(MessageId message) {
        return jdbc.sql("select cloud_event from event where message_id = :message order by seq")
                .param("message", message.value())
                .query((rs, n) -> CloudEventsJson.read(rs.getString("cloud_event")))
                .list();
    }

    public List<CanonicalEvent> about(String subject) {
        return jdbc.sql("select cloud_event from event where subject = :subject order by seq")
                .param("subject", subject)
                .query((rs, n) -> CloudEventsJson.read(rs.getString("cloud_event")))
                .list();
    }
}
