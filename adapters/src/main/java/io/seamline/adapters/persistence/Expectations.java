package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.Page;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.sla.BreachCount;
import io.seamline.model.sla.DailyBreaches;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA expectations: what is owed by when, and whether it came. */
@Repository
public class Expectations {

    /** Rows in one insert at most (thirteen parameters each, far below PostgreSQL's limit per statement). */
    private static final int ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;
    private final WriteBehind<Opened> opened = new WriteBehind<>(this::insert);

    /**
     * What the current transaction met in the table, by kind, subject and reference: the rows one update met are met,
     * so until the transaction writes new ones (any insert forgets) the same ask finds none. A carrier's 214 meets the
     * shipment's heartbeat once per status in it; the table is asked once.
     */
    private final TransactionMemo<Met, Boolean> metInTheTable = new TransactionMemo<>(ask -> false);

    private record Met(String kind, Subject subject, String reference) {}

    public Expectations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens an expectation once per {@code stepKey}. Inside a transaction it is written just before the transaction
     * commits, as it stands then: one met in the transaction that opened it (a batch of a carrier's 214s, the second
     * meeting the heartbeat the first opened) is one row written FULFILLED, not an insert and an update; one met by
     * the message that opened it is not written at all ({@link #fulfil}).
     */
    public void open(Expectation expectation, String stepKey) {
        if (stepKey != null && opened.held().stream().anyMatch(held -> stepKey.equals(held.stepKey()))) {
            return;
        }
        opened.add(new Opened(expectation, stepKey));
    }

    private record Opened(Expectation expectation, String stepKey) {}

    private void insert(List<Opened> rows) {
        metInTheTable.forget();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Opened> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            var params = new ArrayList<Object>(chunk.size() * 13);
            for (Opened row : chunk) {
                Expectation e = row.expectation();
                params.add(e.id());
                params.add(e.kind());
                params.add(e.subject().toString());
                params.add(e.partnerId() == null ? null : e.partnerId().value());
                params.add(e.status().name());
                params.add(timestamp(e.openedAt()));
                params.add(timestamp(e.warnAt()));
                params.add(timestamp(e.dueAt()));
                params.add(timestamp(e.closedAt()));
                params.add(e.reference());
                params.add(Columns.step(row.stepKey()));
                params.add(e.openedBy() == null ? null : e.openedBy().value());
                params.add(e.fulfilledBy() == null ? null : e.fulfilledBy().value());
            }
            jdbc.sql("insert into sla_expectation (id, kind, subject, partner_id, status, opened_at, warn_at, due_at,"
                            + " closed_at, reference, step_key, opened_by, fulfilled_by) values "
                            + String.join(
                                    ", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                            + " on conflict (step_key) do nothing")
                    .params(params)
                    .update();
        }
    }

    /**
     * Meets the expectations of a kind about a subject, with this reference when given (or, with no subject, every
     * one naming the reference: our message a 997 answers): an open one is FULFILLED, a breached or overdue one LATE.
     * {@code by} is the message that met it. Returns how many were met. One that {@code by} itself opened in this
     * transaction (a 214's second status meeting the heartbeat its first opened) was owed by nobody: it is dropped
     * instead of written met, so a scorecard counts one heartbeat per status report, not one per status in it.
     */
    public int fulfil(String kind, Subject subject, String reference, Instant at, MessageId by) {
        if (subject == null && reference == null) {
            throw new IllegalArgumentException("an expectation is met by subject or by reference");
        }
        int met = 0;
        for (ListIterator<Opened> held = opened.held().listIterator(); held.hasNext(); ) {
            Opened row = held.next();
            Expectation e = row.expectation();
            if (e.status() == ExpectationStatus.OPEN
                    && e.kind().equals(kind)
                    && (subject == null || subject.equals(e.subject()))
                    && (reference == null || reference.equals(e.reference()))) {
                if (by != null && by.equals(e.openedBy())) {
                    held.remove(); // opened and met by one message: nobody waited on anybody, nothing to keep
                } else {
                    held.set(new Opened(e.met(at, by), row.stepKey()));
                }
                met++;
            }
        }
        var ask = new Met(kind, subject, reference);
        if (metInTheTable.get(ask)) {
            return met;
        }
        int inTheTable = meetInTheTable(ask, at, by);
        metInTheTable.put(ask, true);
        return met + inTheTable;
    }

    private int meetInTheTable(Met ask, Instant at, MessageId by) {
        // only the conditions given, not "(:subject is null or subject = :subject)": PostgreSQL plans such a statement
        // again at every call, and planning it cost four times what running it did
        var sql = new StringBuilder(
                """
                update sla_expectation set closed_at = :at, fulfilled_by = :by,
                    status = case when status = 'BREACHED' or due_at < :at then 'LATE' else 'FULFILLED' end
                where kind = :kind and status in ('OPEN', 'BREACHED')""");
        var params = new HashMap<String, Object>();
        params.put("at", timestamp(at));
        params.put("by", by == null ? null : by.value());
        params.put("kind", ask.kind());
        if (ask.subject() != null) {
            sql.append(" and subject = :subject");
            params.put("subject", ask.subject().toString());
        }
        if (ask.reference() != null) {
            sql.append(" and reference = :reference");
            params.put("reference", ask.reference());
        }
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** Moves the deadline of the open expectations of a kind about a subject; returns how many moved. */
    public int reschedule(String kind, Subject subject, Instant warnAt, Instant dueAt) {
        opened.flush();
        return jdbc.sql(
                        """
                        update sla_expectation set warn_at = :warn, due_at = :due,
                            warned_at = case when cast(:warn as timestamptz) is distinct from warn_at then null else warned_at end
                        where kind = :kind and subject = :subject and status = 'OPEN'
                        """)
                .param("warn", timestamp(warnAt))
                .param("due", timestamp(dueAt))
                .param("kind", kind)
                .param("subject", subject.toString())
                .update();
    }

    /** Expectations about a subject or naming a reference, oldest first (the evidence of a message or subject). */
    public List<Expectation> list(String kind, Subject subject, PartnerId partner, String status, Window window) {
        opened.flush();
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" where true");
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (subject != null) {
            where.append(" and subject = :subject");
            params.put("subject", subject.toString());
        }
        if (partner != null) {
            where.append(" and partner_id = :partner");
            params.put("partner", partner.value());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        params.put("limit", window.limit());
        params.put("offset", window.offset());
        return jdbc.sql("select * from sla_expectation" + where + " order by opened_at, id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> expectation(rs))
                .list();
    }

    /** Open expectations whose warning time has come and that were not warned about yet. */
    public List<Expectation> dueForWarning(Instant now, int limit) {
        opened.flush();
        return jdbc.sql("select * from sla_expectation where status = 'OPEN' and warned_at is null"
                        + " and warn_at <= :now and due_at > :now order by warn_at, id limit :limit")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> expectation(rs))
                .list();
    }

    /** Records the warning of an expectation; false when another node warned first or it is no longer open. */
    public boolean warn(UUID id, Instant at) {
        opened.flush();
        return jdbc.sql("update sla_expectation set warned_at = :at where id = :id and status = 'OPEN'"
                                + " and warned_at is null")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    /** Breached expectations whose escalation time has come and that were not escalated yet. */
    public List<Expectation> dueForEscalation(Instant now, int limit) {
        opened.flush();
        return jdbc.sql("select * from sla_expectation where status = 'BREACHED' and escalated_at is null"
                        + " and escalate_at <= :now order by escalate_at, id limit :limit")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> expectation(rs))
                .list();
    }

    /** Records the escalation of a breach; false when another node did first or it was met meanwhile. */
    public boolean escalate(UUID id, Instant at) {
        opened.flush();
        return jdbc.sql("update sla_expectation set escalated_at = :at where id = :id and status = 'BREACHED'"
                                + " and escalated_at is null")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    public Optional<Expectation> find(UUID id) {
        opened.flush();
        return jdbc.sql("select * from sla_expectation where id = :id")
                .param("id", id)
                .query((rs, n) -> expectation(rs))
                .optional();
    }

    /**
     * Breaches, newest first: open ones (BREACHED) only, or also those met late (LATE); of one partner, or all;
     * breached in {@code [from, to)} when given.
     */
    public Page<Expectation> breaches(boolean openOnly, PartnerId partner, Instant from, Instant to, Window window) {
        opened.flush();
        var params = new HashMap<String, Object>();
        var where =
                new StringBuilder(openOnly ? " where status = 'BREACHED'" : " where status in ('BREACHED', 'LATE')");
        if (partner != null) {
            where.append(" and partner_id = :partner");
            params.put("partner", partner.value());
        }
        if (from != null) {
            where.append(" and breached_at >= :from");
            params.put("from", timestamp(from));
        }
        if (to != null) {
            where.append(" and breached_at < :to");
            params.put("to", timestamp(to));
        }
        long total = jdbc.sql("select count(*) from sla_expectation" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", window.limit());
        params.put("offset", window.offset());
        var items = jdbc.sql("select * from sla_expectation" + where
                        + " order by breached_at desc, id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> expectation(rs))
                .list();
        return new Page<>(items, total, window.limit(), window.offset());
    }

    /**
     * For a scorecard: of a partner's expectations of a kind that were due in {@code [from, to)}, how many there
     * were (those still open only once their deadline passed by {@code now}) and how many were met on time.
     */
    public OnTime onTime(PartnerId partner, String kind, Instant from, Instant to, Instant now) {
        opened.flush();
        return jdbc.sql(
                        """
                        select count(*) filter (where status <> 'CANCELLED') as due,
                               count(*) filter (where status = 'FULFILLED') as on_time
                        from sla_expectation
                        where partner_id = :partner and kind = :kind and due_at >= :from and due_at < :to
                            and (status <> 'OPEN' or due_at <= :now)
                        """)
                .param("partner", partner.value())
                .param("kind", kind)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .param("now", timestamp(now))
                .query((rs, n) -> new OnTime(rs.getLong("due"), rs.getLong("on_time")))
                .single();
    }

    /** Open breaches now: of one partner, or of all by partner and kind (the dashboard's counts). */
    public long openBreaches(PartnerId partner) {
        opened.flush();
        return jdbc.sql("select count(*) from sla_expectation where status = 'BREACHED' and partner_id = :partner")
                .param("partner", partner.value())
                .query(Long.class)
                .single();
    }

    /** Open breaches now, counted by partner and kind (the SLA dashboard). */
    public List<BreachCount> openBreachCounts() {
        opened.flush();
        return jdbc.sql("select partner_id, kind, count(*) as n from sla_expectation where status = 'BREACHED'"
                        + " group by partner_id, kind order by count(*) desc, partner_id, kind")
                .query((rs, n) -> new BreachCount(
                        rs.getString("partner_id") == null ? null : PartnerId.of(rs.getString("partner_id")),
                        rs.getString("kind"),
                        rs.getLong("n")))
                .list();
    }

    /** Breaches raised per day (UTC) and kind in {@code [from, to)}, whether met late since or still open. */
    public List<DailyBreaches> breachesPerDay(Instant from, Instant to) {
        opened.flush();
        return jdbc.sql(
                        """
                        select (breached_at at time zone 'UTC')::date as day, kind, count(*) as n
                        from sla_expectation
                        where breached_at >= :from and breached_at < :to
                        group by 1, 2 order by 1, 2
                        """)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((rs, n) -> new DailyBreaches(
                        rs.getObject("day", java.time.LocalDate.class), rs.getString("kind"), rs.getLong("n")))
                .list();
    }

    /** How many were due and how many were met on time. */
    public record OnTime(long due, long onTime) {}

    /** Open expectations past their deadline at {@code now}, oldest deadline first. */
    public List<Expectation> overdue(Instant now, int limit) {
        opened.flush();
        return jdbc.sql("select * from sla_expectation where status = 'OPEN' and due_at <= :now"
                        + " order by due_at, id limit :limit")
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> expectation(rs))
                .list();
    }

    /**
     * Marks an open expectation BREACHED, to be escalated at {@code escalateAt} if it is still not met; false when
     * another node breached it first or it was met meanwhile.
     */
    public boolean breach(UUID id, Instant at, Instant escalateAt) {
        opened.flush();
        return jdbc.sql("update sla_expectation set status = 'BREACHED', breached_at = :at, escalate_at = :escalate"
                                + " where id = :id and status = 'OPEN' and due_at <= :at")
                        .param("id", id)
                        .param("at", timestamp(at))
                        .param("escalate", timestamp(escalateAt))
                        .update()
                > 0;
    }

    public List<Expectation> about(Subject subject) {
        opened.flush();
        return jdbc.sql("select * from sla_expectation where subject = :subject order by opened_at, id")
                .param("subject", subject.toString())
                .query((rs, n) -> expectation(rs))
                .list();
    }

    private static Expectation expectation(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_id");
        return new Expectation(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                Subject.parse(rs.getString("subject")),
                partner == null ? null : PartnerId.of(partner),
                ExpectationStatus.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                instant(rs, "warn_at"),
                instant(rs, "due_at"),
                instant(rs, "closed_at"),
                rs.getString("reference"),
                instant(rs, "warned_at"),
                instant(rs, "breached_at"),
                instant(rs, "escalated_at"),
                rs.getString("opened_by") == null ? null : MessageId.parse(rs.getString("opened_by")),
                rs.getString("fulfilled_by") == null ? null : MessageId.parse(rs.getString("fulfilled_by")));
    }
}
