package io.seamline.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import io.seamline.model.Page;
import io.seamline.model.audit.AuditEntry;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.audit.AuditQuery;
import io.seamline.model.partner.PartnerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail: appended to, read, never changed (the table refuses updates and deletes, see V15). An entry is
 * written in the transaction of the change it records, so a change that rolls back leaves no entry and a change that
 * commits always has one.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long append(AuditEntry entry) {
        return jdbc.sql(
                        """
                        insert into audit_entry (at, actor, via, kind, partner_id, subject, before, after, reason)
                        values (:at, :actor, :via, :kind, :partner, :subject, cast(:before as jsonb),
                            cast(:after as jsonb), :reason)
                        returning id
                        """)
                .param("at", Columns.timestamp(entry.at()))
                .param("actor", entry.actor())
                .param("via", entry.via())
                .param("kind", entry.kind().name())
                .param(
                        "partner",
                        entry.partner() == null ? null : entry.partner().value())
                .param("subject", entry.subject())
                .param("before", entry.before() == null ? null : Json.write(entry.before()))
                .param("after", entry.after() == null ? null : Json.write(entry.after()))
                .param("reason", entry.reason())
                .query(Long.class)
                .single();
    }

    /** Entries matching the query, newest first. */
    public Page<AuditEntry> list(AuditQuery query) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" where true");
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.partner() != null) {
            where.append(" and partner_id = :partner");
            params.put("partner", query.partner().value());
        }
        if (query.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Columns.timestamp(query.from()));
        }
        if (query.to() != null) {
            where.append(" and at < :to");
            params.put("to", Columns.timestamp(query.to()));
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.window().limit());
        params.put("offset", query.window().offset());
        List<AuditEntry> items = jdbc.sql("select id, at, actor, via, kind, partner_id, subject, cast(before as text)"
                        + " as before, cast(after as text) as after, reason from audit_entry" + where
                        + " order by at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        return new Page<>(items, total, query.window().limit(), query.window().offset());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new AuditEntry(
                rs.getLong("id"),
                Columns.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("via"),
                AuditKind.valueOf(rs.getString("kind")),
                partner == null ? null : PartnerId.of(partner),
                rs.getString("subject"),
                json(rs.getString("before")),
                json(rs.getString("after")),
                rs.getString("reason"));
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit entry's JSON is not readable", e);
        }
    }
}
