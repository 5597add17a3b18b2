package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts a partner scorecard is made of, for a period {@code [from, to)}: each query counts what happened to the
 * partner's documents, lines and tasks, in the database that recorded it.
 */
@Repository
public class PartnerFigures {

    private final JdbcClient jdbc;

    public PartnerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A count out of a total. */
    public record Share(long total, long count) {}

    /** Documents of a type the partner sent in the period, and those that led to no task of {@code taskKind}. */
    public Share withoutTask(PartnerId partner, String eventType, String taskKind, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*) as total,
                               count(*) filter (where not exists (
                                   select 1 from task t where t.event_id = e.id and t.kind = :taskKind)) as clean
                        from event e
                        where e.partner_id = :partner and e.type = :type and e.time >= :from and e.time < :to
                        """)
                .param("partner", partner.value())
                .param("type", eventType)
                .param("taskKind", taskKind)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((rs, n) -> new Share(rs.getLong("total"), rs.getLong("clean")))
                .single();
    }

    /**
     * Invoices received in the period, and those that passed the audit untouched: not rejected and with no
     * INVOICE_EXCEPTION task.
     */
    public Share invoicesAccurate(PartnerId partner, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*) as total,
                               count(*) filter (where i.status <> 'REJECTED' and not exists (
                                   select 1 from task t where t.event_id = i.event_id
                                       and t.kind = 'INVOICE_EXCEPTION')) as clean
                        from invoice i
                        where i.partner_id = :partner and i.created_at >= :from and i.created_at < :to
                        """)
                .param("partner", partner.value())
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((rs, n) -> new Share(rs.getLong("total"), rs.getLong("clean")))
                .single();
    }

    /** Inbound messages from the partner in the period (duplicates left out), and those rejected. */
    public Share rejectedDocuments(PartnerId partner, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*) as total, count(*) filter (where status = 'REJECTED') as rejected
                        from message
                        where partner_id = :partner and direction = 'INBOUND' and status <> 'DUPLICATE' and not test
                            and received_at >= :from and received_at < :to
                        """)
                .param("partner", partner.value())
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((rs, n) -> new Share(rs.getLong("total"), rs.getLong("rejected")))
                .single();
    }

    /** On time, in full: of the PO lines due in the period, how many were delivered by then, in full, and both. */
    public record Otif(long lines, long onTime, long inFull, long onTimeInFull) {}

    /**
     * The supplier's PO lines due (promised date, else needed-by date) in {@code [from, to)}, not cancelled or
     * rejected; a line is on time when goods for it arrived on or before its due date, in full when at least the
     * promised (else ordered) quantity arrived, by the due date for OTIF. What arrived is what the ERP's goods
     * receipts accepted, where there are any for the line; else what the shipments carrying it delivered.
     */
    public Otif otif(PartnerId partner, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql(
                        """
                        with due as (
                            select l.po_number, l.line_number, coalesce(l.promised_date, l.need_by_date) as due_date,
                                   coalesce(l.promised_quantity, l.quantity) as wanted
                            from purchase_order_line l join purchase_order o on o.po_number = l.po_number
                            where o.partner_id = :partner and l.status not in ('CANCELLED', 'REJECTED')
                                and coalesce(l.promised_date, l.need_by_date) >= :from
                                and coalesce(l.promised_date, l.need_by_date) < :to
                        ), shipped as (
                            select d.po_number, d.line_number, d.wanted, d.due_date,
                                   coalesce(sum(sl.quantity) filter (
                                       where (s.delivered_at at time zone 'UTC')::date <= d.due_date), 0) as by_due,
                                   coalesce(sum(sl.quantity) filter (where s.delivered_at is not null), 0) as at_all
                            from due d
                            left join lateral (
                                select cast(c.lines -> d.line_number as numeric) as quantity, c.shipment_id
                                from shipment_po_lines c
                                where c.po_number = d.po_number and c.lines -> d.line_number is not null) sl on true
                            left join shipment s on s.shipment_id = sl.shipment_id
                            group by d.po_number, d.line_number, d.wanted, d.due_date
                        ), delivered as (
                            -- what the ERP received (accepted) counts where it has said; else what carriers delivered
                            select sh.po_number, sh.line_number, sh.wanted,
                                   case when count(r.receipt_id) > 0
                                       then coalesce(sum(r.quantity - r.rejected_quantity) filter (
                                           where (r.received_at at time zone 'UTC')::date <= sh.due_date), 0)
                                       else sh.by_due end as by_due,
                                   case when count(r.receipt_id) > 0
                                       then coalesce(sum(r.quantity - r.rejected_quantity), 0)
                                       else sh.at_all end as at_all
                            from shipped sh
                            left join goods_receipt_line r
                                on r.po_number = sh.po_number and r.line_number = sh.line_number
                            group by sh.po_number, sh.line_number, sh.wanted, sh.due_date, sh.by_due, sh.at_all
                        )
                        select count(*) as lines,
                               count(*) filter (where by_due > 0) as on_time,
                               count(*) filter (where at_all >= wanted) as in_full,
                               count(*) filter (where by_due >= wanted) as otif
                        from delivered
                        """)
                .param("partner", partner.value())
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new Otif(rs.getLong("lines"), rs.getLong("on_time"), rs.getLong("in_full"), rs.getLong("otif")))
                .single();
    }

    /** Tasks about the partner decided (or resolved) in the period, and the mean hours they waited. */
    public record TaskResponse(long decided, Double meanHours) {}

    public TaskResponse taskResponse(PartnerId partner, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*) as decided,
                               avg(extract(epoch from decided_at - created_at) / 3600.0) as mean_hours
                        from task
                        where partner_id = :partner and decided_at is not null
                            and decided_at >= :from and decided_at < :to
                        """)
                .param("partner", partner.value())
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((rs, n) -> new TaskResponse(
                        rs.getLong("decided"), rs.getObject("mean_hours") == null ? null : rs.getDouble("mean_hours")))
                .single();
    }
}
