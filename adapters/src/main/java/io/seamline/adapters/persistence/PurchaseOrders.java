package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.date;
import static io.seamline.adapters.persistence.Columns.decimal;
import static io.seamline.adapters.persistence.Columns.enumValue;
import static io.seamline.adapters.persistence.Columns.text;
import static io.seamline.adapters.persistence.Columns.texts;

import io.seamline.model.Page;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderQuery;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Purchase orders and their lines. The ERP owns what was ordered; partners' commitments, shipments and invoices own
 * the promised, shipped, received and invoiced figures, which an ERP upsert leaves alone.
 */
@Repository
public class PurchaseOrders {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final WriteBehind<String> touched = new WriteBehind<>(this::stamp);
    /** The POs read in the current transaction, as they are now: a write forgets the PO it changed. */
    private final TransactionMemo<PurchaseOrderNumber, Optional<PurchaseOrder>> current =
            new TransactionMemo<>(number -> read(number, ""));
    /** The POs the current transaction holds locked. */
    private final TransactionMemo<PurchaseOrderNumber, Boolean> locked = new TransactionMemo<>(number -> false);

    public PurchaseOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates or updates a PO as the ERP sends it. Lines the ERP no longer lists are CANCELLED, not deleted, so
     * their history stays. Callers check that the PO's partner does not change; run inside a transaction.
     */
    public UpsertOutcome upsert(PurchaseOrder order) {
        try {
            return write(order);
        } finally {
            current.forget(order.number());
        }
    }

    private UpsertOutcome write(PurchaseOrder order) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<PurchaseOrder> existing = find(order.number(), PartnerScope.everyone());
        if (existing.isEmpty()) {
            jdbc.sql(
                            """
                            insert into purchase_order (po_number, partner_id, currency, order_date, status,
                                                        acknowledge_by, created_at, updated_at, test)
                            values (:po, :partner, :currency, :orderDate, :status, :ackBy, :now, :now, :test)
                            """)
                    .param("ackBy", Columns.timestamp(order.acknowledgeBy()))
                    .param("test", order.test())
                    .param("po", order.number().value())
                    .param("partner", order.partnerId().value())
                    .param("currency", order.currency())
                    .param("orderDate", order.orderDate())
                    .param("status", order.status().name())
                    .param("now", now)
                    .update();
            var all = new ArrayList<Positioned>();
            for (int i = 0; i < order.lines().size(); i++) {
                all.add(new Positioned(i, order.lines().get(i)));
            }
            insertLines(order.number(), all);
            return UpsertOutcome.CREATED;
        }
        PurchaseOrder before = existing.get();
        if (sameOrder(before, order)) {
            return UpsertOutcome.UNCHANGED;
        }
        jdbc.sql(
                        """
                        update purchase_order set currency = :currency, order_date = :orderDate,
                            acknowledge_by = :ackBy, updated_at = :now
                        where po_number = :po
                        """)
                .param("ackBy", Columns.timestamp(order.acknowledgeBy()))
                .param("po", order.number().value())
                .param("currency", order.currency())
                .param("orderDate", order.orderDate())
                .param("now", now)
                .update();
        var kept = new ArrayList<String>();
        var added = new ArrayList<Positioned>();
        for (int i = 0; i < order.lines().size(); i++) {
            PurchaseOrderLine line = order.lines().get(i);
            kept.add(line.lineNumber());
            if (before.line(line.lineNumber()).isPresent()) {
                updateOrderedLine(order.number(), i, line);
            } else {
                added.add(new Positioned(i, line));
            }
        }
        insertLines(order.number(), added);
        jdbc.sql(
                        """
                        update purchase_order_line set status = 'CANCELLED'
                        where po_number = :po and status <> 'CANCELLED' and not (line_number = any(:kept))
                        """)
                .param("po", order.number().value())
                .param("kept", kept.toArray(String[]::new))
                .update();
        return UpsertOutcome.UPDATED;
    }

    /** A line and its place among the PO's lines. */
    private record Positioned(int position, PurchaseOrderLine line) {}

    /** Inserts a PO's new lines in one statement (a PO of 20 lines is one, not 20). */
    private void insertLines(PurchaseOrderNumber po, List<Positioned> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into purchase_order_line (po_number, line_number, position, item_id, partner_item_id,
                            quantity, unit, unit_price, need_by_date, promised_quantity, promised_date,
                            shipped_quantity, received_quantity, invoiced_quantity, status, category)
                        select :po, v.* from unnest(cast(:lines as text[]), cast(:positions as int[]),
                            cast(:items as text[]), cast(:partnerItems as text[]), cast(:quantities as numeric[]),
                            cast(:units as text[]), cast(:prices as numeric[]), cast(:needBy as date[]),
                            cast(:promisedQuantities as numeric[]), cast(:promisedDates as date[]),
                            cast(:shipped as numeric[]), cast(:received as numeric[]), cast(:invoiced as numeric[]),
                            cast(:statuses as text[]), cast(:categories as text[]))
                            as v(line, position, item, partner_item, quantity, unit, price, need_by, promised_quantity,
                                promised_date, shipped, received, invoiced, status, category)
                        """)
                .param("po", po.value())
                .param("lines", texts(lines, l -> l.line().lineNumber()))
                .param("positions", texts(lines, l -> String.valueOf(l.position())))
                .param("items", texts(lines, l -> l.line().itemId()))
                .param("partnerItems", texts(lines, l -> l.line().partnerItemId()))
                .param("quantities", texts(lines, l -> text(l.line().quantity())))
                .param("units", texts(lines, l -> l.line().unit()))
                .param("prices", texts(lines, l -> text(l.line().unitPrice())))
                .param("needBy", texts(lines, l -> text(l.line().needByDate())))
                .param("promisedQuantities", texts(lines, l -> text(l.line().promisedQuantity())))
                .param("promisedDates", texts(lines, l -> text(l.line().promisedDate())))
                .param("shipped", texts(lines, l -> text(l.line().shippedQuantity())))
                .param("received", texts(lines, l -> text(l.line().receivedQuantity())))
                .param("invoiced", texts(lines, l -> text(l.line().invoicedQuantity())))
                .param("statuses", texts(lines, l -> l.line().status().name()))
                .param("categories", texts(lines, l -> l.line().category()))
                .update();
    }

    private void updateOrderedLine(PurchaseOrderNumber po, int position, PurchaseOrderLine line) {
        jdbc.sql(
                        """
                        update purchase_order_line set position = :position, item_id = :item,
                            partner_item_id = :partnerItem, quantity = :quantity, unit = :unit, unit_price = :price,
                            need_by_date = :needBy, category = :category,
                            status = case when status = 'CANCELLED' then 'OPEN' else status end
                        where po_number = :po and line_number = :line
                        """)
                .param("po", po.value())
                .param("line", line.lineNumber())
                .param("position", position)
                .param("item", line.itemId())
                .param("partnerItem", line.partnerItemId())
                .param("quantity", line.quantity())
                .param("unit", line.unit())
                .param("price", line.unitPrice())
                .param("needBy", line.needByDate())
                .param("category", line.category())
                .update();
    }

    /** True when the ERP's view of the order (header and ordered lines) is the same in both. */
    private static boolean sameOrder(PurchaseOrder a, PurchaseOrder b) {
        if (!a.currency().equals(b.currency())
                || !a.orderDate().equals(b.orderDate())
                || !java.util.Objects.equals(a.acknowledgeBy(), b.acknowledgeBy())) {
            return false;
        }
        List<PurchaseOrderLine> active = a.lines().stream()
                .filter(l -> l.status() != LineStatus.CANCELLED)
                .toList();
        if (active.size() != b.lines().size()) {
            return false;
        }
        for (int i = 0; i < active.size(); i++) {
            PurchaseOrderLine x = active.get(i);
            PurchaseOrderLine y = b.lines().get(i);
            if (!x.lineNumber().equals(y.lineNumber())
                    || !x.itemId().equals(y.itemId())
                    || !Objects.equals(x.partnerItemId(), y.partnerItemId())
                    || x.quantity().compareTo(y.quantity()) != 0
                    || !x.unit().equals(y.unit())
                    || x.unitPrice().compareTo(y.unitPrice()) != 0
                    || !x.needByDate().equals(y.needByDate())
                    || !Objects.equals(x.category(), y.category())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The PO, locked until the transaction ends: the pipeline's steps on one PO run one after the other even when
     * two messages about it are processed at once.
     */
    public Optional<PurchaseOrder> lock(PurchaseOrderNumber number) {
        if (locked.get(number)) {
            return current.get(number);
        }
        Optional<PurchaseOrder> order = read(number, " for update of h");
        if (order.isPresent()) {
            locked.put(number, true);
            current.put(number, order);
        }
        return order;
    }

    private Optional<PurchaseOrder> read(PurchaseOrderNumber number, String lock) {
        // no flush of the held-back updated_at stamps: a PurchaseOrder does not show them
        return load("where h.po_number = :po", Map.of("po", number.value()), lock).stream()
                .findFirst();
    }

    /** What the supplier committed to on one line (and was accepted); nulls leave the promised values as they were. */
    public record LineCommitment(String lineNumber, BigDecimal quantity, LocalDate date, LineStatus status) {}

    /** Records the accepted commitments on the PO's lines: the promised quantity and date, and each line's status. */
    public void commit(PurchaseOrderNumber po, List<LineCommitment> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update purchase_order_line l set promised_quantity = coalesce(v.quantity, l.promised_quantity),
                            promised_date = coalesce(v.date, l.promised_date), status = v.status
                        from unnest(cast(:lines as text[]), cast(:quantities as numeric[]), cast(:dates as date[]),
                            cast(:statuses as text[])) as v(line, quantity, date, status)
                        where l.po_number = :po and l.line_number = v.line
                        """)
                .param("po", po.value())
                .param("lines", texts(lines, LineCommitment::lineNumber))
                .param("quantities", texts(lines, l -> text(l.quantity())))
                .param("dates", texts(lines, l -> text(l.date())))
                .param("statuses", texts(lines, l -> l.status().name()))
                .update();
        current.forget(po);
        touch(po);
    }

    /**
     * Recomputes the shipped quantity of every line of the PO from what its shipments carry, and the line and PO
     * status from that: idempotent, so a ship notice processed twice ships nothing twice. A line is written once, and
     * only when its quantity or status changes (each write is a new version of the row).
     */
    public void refreshShipped(PurchaseOrderNumber po) {
        jdbc.sql(
                        """
                        update purchase_order_line l set shipped_quantity = v.shipped, status = v.status
                        from (select l.line_number, s.shipped,
                                case when s.shipped = 0 or l.status in ('CANCELLED', 'REJECTED') then l.status
                                    when s.shipped >= l.quantity then 'SHIPPED' else 'PARTIALLY_SHIPPED' end as status
                              from purchase_order_line l,
                                lateral (select coalesce(sum(cast(c.lines -> l.line_number as numeric)), 0) as shipped
                                         from shipment_po_lines c where c.po_number = l.po_number) s
                              where l.po_number = :po) v
                        where l.po_number = :po and l.line_number = v.line_number
                          and (l.shipped_quantity is distinct from v.shipped or l.status <> v.status)
                        """)
                .param("po", po.value())
                .update();
        jdbc.sql(
                        """
                        update purchase_order h set status = v.status
                        from (select case when exists (select 1 from purchase_order_line l where l.po_number = :po
                                    and l.status not in ('SHIPPED', 'CANCELLED', 'REJECTED')) then 'PARTIALLY_SHIPPED'
                                  else 'SHIPPED' end as status) v
                        where h.po_number = :po and h.status not in ('CLOSED', 'CANCELLED') and h.status <> v.status
                          and exists (select 1 from purchase_order_line l where l.po_number = :po
                                        and l.shipped_quantity > 0)
                        """)
                .param("po", po.value())
                .update();
        current.forget(po);
        touch(po);
    }

    /** A quantity an approved invoice bills on a PO line. */
    public record InvoicedLine(PurchaseOrderNumber po, String lineNumber, BigDecimal quantity) {}

    /** Adds an approved invoice's quantities to its lines; callers make sure each invoice counts once. */
    public void addInvoiced(List<InvoicedLine> lines) {
        var sums = new LinkedHashMap<List<String>, BigDecimal>();
        lines.forEach(l -> sums.merge(List.of(l.po().value(), l.lineNumber()), l.quantity(), BigDecimal::add));
        if (sums.isEmpty()) {
            return;
        }
        var keys = new ArrayList<>(sums.keySet());
        jdbc.sql(
                        """
                        update purchase_order_line l set invoiced_quantity = l.invoiced_quantity + v.quantity
                        from unnest(cast(:pos as text[]), cast(:lines as text[]), cast(:quantities as numeric[]))
                            as v(po, line, quantity)
                        where l.po_number = v.po and l.line_number = v.line
                        """)
                .param("pos", texts(keys, k -> k.get(0)))
                .param("lines", texts(keys, k -> k.get(1)))
                .param("quantities", texts(keys, k -> sums.get(k).toPlainString()))
                .update();
        keys.stream().map(k -> PurchaseOrderNumber.of(k.get(0))).distinct().forEach(po -> {
            current.forget(po);
            touch(po);
        });
    }

    /** Moves an OPEN PO to ACKNOWLEDGED once its supplier answered it. */
    public void acknowledged(PurchaseOrderNumber po) {
        jdbc.sql("update purchase_order set status = 'ACKNOWLEDGED' where po_number = :po and status = 'OPEN'")
                .param("po", po.value())
                .update();
        current.forget(po);
    }

    /** Marks the PO changed; a transaction that changes twenty of its lines stamps it once, when it commits. */
    /** A PO's lines were changed by another repository (its goods receipts): read afresh, stamped at commit. */
    public void changed(PurchaseOrderNumber po) {
        current.forget(po);
        touch(po);
    }

    private void touch(PurchaseOrderNumber po) {
        touched.add(po.value());
    }

    private void stamp(List<String> poNumbers) {
        String[] pos = poNumbers.stream().distinct().sorted().toArray(String[]::new);
        jdbc.sql("update purchase_order set updated_at = :now where " + Columns.oneOf("po_number", "pos", pos))
                .param("pos", Columns.oneOrAll(pos))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The partner a PO belongs to, whoever asks (for checks before writing). */
    public Optional<PartnerId> ownerOf(PurchaseOrderNumber number) {
        return jdbc.sql("select partner_id from purchase_order where po_number = :po")
                .param("po", number.value())
                .query(String.class)
                .optional()
                .map(PartnerId::of);
    }

    /** The PO if it exists and the scope may see it. */
    public Optional<PurchaseOrder> find(PurchaseOrderNumber number, PartnerScope scope) {
        return current.get(number).filter(order -> scope.restrictedTo()
                .map(partner -> partner.equals(order.partnerId()))
                .orElse(true));
    }

    public Page<PurchaseOrder> list(PurchaseOrderQuery query) {
        touched.flush();
        var params = new HashMap<String, Object>();
        var where = new StringBuilder("where true").append(scopeFilter(query.scope(), params));
        if (query.status() != null) {
            where.append(" and h.status = :status");
            params.put("status", query.status().name());
        }
        if (query.partnerId() != null) {
            where.append(" and h.partner_id = :partnerFilter");
            params.put("partnerFilter", query.partnerId().value());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" and (h.po_number ilike :search or exists (select 1 from purchase_order_line s"
                    + " where s.po_number = h.po_number and (s.item_id ilike :search"
                    + " or s.partner_item_id ilike :search)))");
            params.put("search", Columns.likeContaining(query.search().trim()));
        }
        long total = jdbc.sql("select count(*) from purchase_order h " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.window().limit());
        params.put("offset", query.window().offset());
        var items =
                load(where.toString(), params, " order by h.order_date desc, h.po_number limit :limit offset :offset");
        return new Page<>(items, total, query.window().limit(), query.window().offset());
    }

    private static String scopeFilter(PartnerScope scope, Map<String, Object> params) {
        return scope.restrictedTo()
                .map(p -> {
                    params.put("scopePartner", p.value());
                    return " and h.partner_id = :scopePartner";
                })
                .orElse("");
    }

    private List<PurchaseOrder> load(String where, Map<String, Object> params, String orderAndPage) {
        var headers = new LinkedHashMap<String, Header>();
        jdbc.sql("select h.* from purchase_order h " + where + orderAndPage)
                .params(params)
                .query(rs -> {
                    headers.put(rs.getString("po_number"), header(rs));
                });
        if (headers.isEmpty()) {
            return List.of();
        }
        var lines = new HashMap<String, List<PurchaseOrderLine>>();
        String[] pos = headers.keySet().toArray(String[]::new);
        jdbc.sql("select * from purchase_order_line where " + Columns.oneOf("po_number", "pos", pos)
                        + " order by po_number, position")
                .param("pos", Columns.oneOrAll(pos))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString("po_number"), k -> new ArrayList<>())
                            .add(line(rs));
                });
        return headers.values().stream()
                .map(h -> new PurchaseOrder(
                        h.number,
                        h.partner,
                        h.currency,
                        h.orderDate,
                        h.status,
                        lines.getOrDefault(h.number.value(), List.of()),
                        h.acknowledgeBy,
                        h.test))
                .toList();
    }

    private record Header(
            PurchaseOrderNumber number,
            PartnerId partner,
            String currency,
            java.time.LocalDate orderDate,
            PurchaseOrderStatus status,
            java.time.Instant acknowledgeBy,
            boolean test) {}

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(
                PurchaseOrderNumber.of(rs.getString("po_number")),
                PartnerId.of(rs.getString("partner_id")),
                rs.getString("currency"),
                date(rs, "order_date"),
                enumValue(rs, "status", PurchaseOrderStatus.class),
                Columns.instant(rs, "acknowledge_by"),
                rs.getBoolean("test"));
    }

    private static PurchaseOrderLine line(ResultSet rs) throws SQLException {
        return new PurchaseOrderLine(
                rs.getString("line_number"),
                rs.getString("item_id"),
                rs.getString("partner_item_id"),
                decimal(rs, "quantity"),
                rs.getString("unit"),
                decimal(rs, "unit_price"),
                date(rs, "need_by_date"),
                decimal(rs, "promised_quantity"),
                date(rs, "promised_date"),
                decimal(rs, "shipped_quantity"),
                decimal(rs, "received_quantity"),
                decimal(rs, "invoiced_quantity"),
                enumValue(rs, "status", LineStatus.class),
                rs.getString("category"));
    }
}
