package io.seamline.adapters.persistence;

import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Canonical events, each pointing at the archived message it came from: the CloudEvents attributes in their own
 * columns and the data as packed JSON (the envelope is not kept twice; {@link PackedJson}: no SQL reads into it).
 */
@Repository
public class Events {

    /** Rows in one insert at most (twelve parameters each). */
    private static final int ROWS_PER_INSERT = 500;

    private static final String ROW = "(cast(? as uuid), ?, ?, ?, cast(? as uuid), ?, cast(? as timestamptz), ?,"
            + " cast(? as bytea), ?, cast(? as timestamptz), cast(? as timestamptz))";

    private final JdbcClient jdbc;
    private final WriteBehind<Held> pending = new WriteBehind<>(this::insert);

    public Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event held back until its transaction commits, with its workflow's run once it ran. */
    private record Held(CanonicalEvent event, Workflows.Ran run) {}

    /**
     * Stores the event once; storing the same event id again changes nothing. Inside a transaction the events are
     * written together just before it commits (or before events are read), in the order appended.
     */
    public void append(CanonicalEvent event) {
        pending.add(new Held(event, null));
    }

    /**
     * Gives the event the current transaction still holds back its workflow's run, written with it; false when the
     * event is not held back (written already, or appended in no transaction).
     */
    boolean attach(Workflows.Ran run) {
        String id = run.eventId().toString();
        for (ListIterator<Held> held = pending.held().listIterator(); held.hasNext(); ) {
            Held one = held.next();
            if (one.event().id().equals(id)) {
                held.set(new Held(one.event(), run));
                return true;
            }
        }
        return false;
    }

    /** Writes what the current transaction holds back. */
    void flush() {
        pending.flush();
    }

    private void insert(List<Held> all) {
        // one row per event: a statement may not update the same row twice; the last run recorded counts
        var byId = new LinkedHashMap<String, Held>();
        for (Held held : all) {
            byId.merge(
                    held.event().id(),
                    held,
                    (first, later) -> later.run() == null ? first : new Held(first.event(), later.run()));
        }
        var events = List.copyOf(byId.values());
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<Held> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            var params = new ArrayList<Object>(chunk.size() * 12);
            for (Held held : chunk) {
                CanonicalEvent event = held.event();
                Workflows.Ran run = held.run();
                params.add(event.id());
                params.add(event.type());
                params.add(event.subject());
                params.add(event.partner() == null ? null : event.partner().value());
                params.add(
                        event.message() == null ? null : event.message().value().toString());
                params.add(event.channel().name());
                params.add(event.time().toString());
                params.add(
                        event.message() != null && event.source().equals(SOURCE + event.message())
                                ? null
                                : event.source());
                params.add(PackedJson.EVENTS.pack(CloudEventsJson.writeData(event)));
                params.add(run == null ? null : run.documentType());
                params.add(run == null ? null : run.startedAt().toString());
                params.add(run == null ? null : run.at().toString());
            }
            jdbc.sql(
                            """
                            insert into event (id, type, subject, partner_id, message_id, channel, time, source,
                                data_packed, workflow_document_type, workflow_started_at, workflow_completed_at,
                                workflow_outcome)
                            select v.id, v.type, v.subject, v.partner, v.message, v.channel, v.time, v.source, v.data,
                                v.workflow, v.started, %s, %s
                            from (values %s) as v(id, type, subject, partner, message, channel, time, source, data,
                                workflow, started, at)
                            cross join lateral %s
                            on conflict (id, time) do update set
                                workflow_document_type = excluded.workflow_document_type,
                                workflow_started_at = coalesce(event.workflow_started_at, excluded.workflow_started_at),
                                workflow_completed_at = excluded.workflow_completed_at,
                                workflow_outcome = excluded.workflow_outcome
                            where excluded.workflow_document_type is not null
                                and (event.workflow_document_type is null or (event.workflow_completed_at is null
                                    and excluded.workflow_completed_at is not null))
                            """
                                    .formatted(
                                            Workflows.COMPLETED_AT.formatted("v.at"),
                                            Workflows.OUTCOME,
                                            String.join(", ", Collections.nCopies(chunk.size(), ROW)),
                                            Workflows.TASKS.formatted("v.id", "v.workflow is not null")))
                    .params(params)
                    .update();
        }
    }

    private static final String COLUMNS =
            "id, source, type, time, partner_id, message_id, channel, data_packed, data, cloud_event";

    /**
     * The source of an event read from a message, followed by its id: not stored (null) when it is that, since the
     * row names the message already.
     */
    private static final String SOURCE = "/seamline/messages/";

    /**
     * An event from its row: the attributes' columns and its data, packed ({@code data_packed}: {@link PackedJson});
     * rows written before V31 hold the data as JSON ({@code data}), rows written before V20 the whole CloudEvent in
     * {@code cloud_event}, and rows written before V28 their source even when it only names their message.
     */
    private static CanonicalEvent event(ResultSet rs) throws SQLException {
        String whole = rs.getString("cloud_event");
        if (whole != null) {
            return CloudEventsJson.read(whole);
        }
        String partner = rs.getString("partner_id");
        String message = rs.getString("message_id");
        String source = rs.getString("source");
        byte[] packed = rs.getBytes("data_packed");
        return CloudEventsJson.fromParts(
                rs.getString("id"),
                source == null && message != null ? SOURCE + message : source,
                rs.getString("type"),
                Columns.instant(rs, "time"),
                partner == null ? null : PartnerId.of(partner),
                message == null ? null : MessageId.parse(message),
                Channel.valueOf(rs.getString("channel")),
                packed == null ? rs.getString("data") : PackedJson.EVENTS.unpack(packed));
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
