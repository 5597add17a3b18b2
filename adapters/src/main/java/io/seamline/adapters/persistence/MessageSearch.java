package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Page;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageQuery;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archive's search: messages by partner, status, direction, control number, subject and time, newest first. */
@Repository
public class MessageSearch {

    private final JdbcClient jdbc;
    private final MessageCompletions completions;

    public MessageSearch(JdbcClient jdbc, MessageCompletions completions) {
        this.jdbc = jdbc;
        this.completions = completions;
    }

    public Page<ArchivedMessage> list(MessageQuery query) {
        completions.flush();
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" where true").append(MessageRows.scopeFilter(query.scope(), params));
        if (query.partnerId() != null) {
            where.append(" and m.partner_id = :partnerFilter");
            params.put("partnerFilter", query.partnerId().value());
        }
        if (query.status() != null) {
            where.append(" and ").append(MessageRows.STATUS).append(" = :status");
            params.put("status", query.status().name());
        }
        if (query.direction() != null) {
            where.append(" and m.direction = :direction");
            params.put("direction", query.direction().name());
        }
        if (query.controlNumber() != null) {
            where.append(" and (m.interchange_control = :control or :control = any(m.group_controls)"
                    + " or :control = any(m.set_controls))");
            params.put("control", query.controlNumber());
        }
        if (query.subject() != null) {
            where.append(" and (m.subject = :subject"
                    + " or exists (select 1 from event e where e.message_id = m.id and e.subject = :subject)"
                    + " or exists (select 1 from outbox o where o.message_id = m.id and o.subject = :subject))");
            params.put("subject", query.subject());
        }
        if (query.from() != null) {
            where.append(" and m.received_at >= :from");
            params.put("from", timestamp(query.from()));
        }
        if (query.to() != null) {
            where.append(" and m.received_at < :to");
            params.put("to", timestamp(query.to()));
        }
        long total = jdbc.sql("select count(*) from message m" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.window().limit());
        params.put("offset", query.window().offset());
        List<ArchivedMessage> items = jdbc.sql("select " + MessageRows.COLUMNS + " from message m" + where
                        + " order by m.received_at desc, m.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> MessageRows.message(rs))
                .list();
        return new Page<>(items, total, query.window().limit(), query.window().offset());
    }
}
