package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.date;
import static io.seamline.adapters.persistence.Columns.dateTime;
import static io.seamline.adapters.persistence.Columns.decimal;

import io.seamline.model.Money;
import io.seamline.model.Page;
import io.seamline.model.UpsertOutcome;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.shipment.ShipmentLine;
import io.seamline.model.shipment.ShipmentQuery;
import io.seamline.model.shipment.ShipmentReferences;
import io.seamline.model.shipment.ShipmentStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Shipments and the POs they carry. A shipment is visible to its carrier, to its customs broker, to the supplier that
 * advised it and to the suppliers whose POs it carries: the relationships a partner's scope covers.
 * The ERP owns the plan (carrier, references, POs, planned delivery, expected freight); carriers own status and ETA.
 */
@Repository
public class Shipments {

    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * Shipments read in the current transaction, by id and by the references they were looked up by: a carrier's
     * status message names its shipment once per status. A status report changes the copies as it changed the row;
     * any other write forgets them.
     */
    private final TransactionMemo<ShipmentId, Optional<Shipment>> byId =
            new TransactionMemo<>(id -> load("where s.shipment_id = :id", Map.of("id", id.value()), "").stream()
                    .findFirst());

    private final TransactionMemo<Map<String, String>, List<Shipment>> byReferences =
            new TransactionMemo<>(this::readByReferences);

    /**
     * Which shipments a partner's scope may see when it is not their carrier or broker (their supplier, the supplier
     * of a PO they carry), asked once per transaction: a message checks its shipment once per status and reference,
     * and planning that query each time cost more than running it. Any write to shipments forgets the answers (a PO's
     * partner never changes).
     */
    private final TransactionMemo<Visibility, Set<String>> visible = new TransactionMemo<>(this::readVisible);

    /** Carriers' status reports held back until the transaction commits: one update per shipment, for all. */
    private final WriteBehind<Reported> reported = new WriteBehind<>(this::writeReported);

    private record Reported(
            ShipmentId id,
            ShipmentStatus status,
            LocalDateTime estimatedDelivery,
            java.time.Instant deliveredAt,
            java.time.Instant at) {}

    public Shipments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Another repository changed shipment rows (a booking's references): read them afresh. */
    public void changed() {
        forget();
    }

    private void forget() {
        reported.flush();
        byId.forget();
        byReferences.forget();
        visible.forget();
    }

    /** Creates or updates the ERP's plan of a shipment; status and ETA stay as partners reported them. */
    public UpsertOutcome upsert(Shipment shipment) {
        try {
            return write(shipment);
        } finally {
            forget();
        }
    }

    private UpsertOutcome write(Shipment shipment) {
        Optional<Shipment> before = find(shipment.id(), PartnerScope.everyone());
        if (before.isPresent() && samePlan(before.get(), shipment)) {
            return UpsertOutcome.UNCHANGED;
        }
        Money freight = shipment.expectedFreight();
        var refs = shipment.references();
        jdbc.sql(
                        """
                        insert into shipment (shipment_id, carrier_id, broker_id, bol, pro, container, booking, awb,
                            planned_delivery, estimated_delivery, expected_freight_amount,
                            expected_freight_currency, status, created_at, updated_at)
                        values (:id, :carrier, :broker, :bol, :pro, :container, :booking, :awb, :planned, :eta,
                            :freight, :freightCurrency, :status, :now, :now)
                        on conflict (shipment_id) do update set carrier_id = excluded.carrier_id,
                            broker_id = coalesce(excluded.broker_id, shipment.broker_id),
                            bol = excluded.bol, pro = excluded.pro, container = excluded.container,
                            booking = excluded.booking, awb = excluded.awb,
                            planned_delivery = excluded.planned_delivery,
                            expected_freight_amount = excluded.expected_freight_amount,
                            expected_freight_currency = excluded.expected_freight_currency,
                            updated_at = excluded.updated_at
                        """)
                .param("id", shipment.id().value())
                .param(
                        "carrier",
                        shipment.carrierId() == null
                                ? null
                                : shipment.carrierId().value())
                .param(
                        "broker",
                        shipment.brokerId() == null ? null : shipment.brokerId().value())
                .param("bol", refs.bol())
                .param("pro", refs.pro())
                .param("container", refs.container())
                .param("booking", refs.booking())
                .param("awb", refs.awb())
                .param("planned", shipment.plannedDelivery())
                .param("eta", shipment.estimatedDelivery())
                .param("freight", freight == null ? null : freight.amount())
                .param("freightCurrency", freight == null ? null : freight.currency())
                .param("status", shipment.status().name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("delete from shipment_purchase_order where shipment_id = :id")
                .param("id", shipment.id().value())
                .update();
        for (int i = 0; i < shipment.poNumbers().size(); i++) {
            jdbc.sql(
                            """
                            insert into shipment_purchase_order (shipment_id, po_number, position)
                            values (:id, :po, :position)
                            """)
                    .param("id", shipment.id().value())
                    .param("po", shipment.poNumbers().get(i).value())
                    .param("position", i)
                    .update();
        }
        return before.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.CREATED;
    }

    private static boolean samePlan(Shipment a, Shipment b) {
        return Objects.equals(a.carrierId(), b.carrierId())
                && (b.brokerId() == null || Objects.equals(a.brokerId(), b.brokerId()))
                && a.references().equals(b.references())
                && a.poNumbers().equals(b.poNumbers())
                && Objects.equals(a.plannedDelivery(), b.plannedDelivery())
                && sameMoney(a.expectedFreight(), b.expectedFreight());
    }

    private static boolean sameMoney(Money a, Money b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    /**
     * Shipments that go by any of these references ({@code shipmentId}, {@code bol}, {@code pro}, {@code container},
     * {@code booking}, {@code awb}), best match first: the more references agree, the better.
     */
    public List<Shipment> byReferences(Map<String, String> references) {
        return byReferences.get(Collections.unmodifiableMap(new LinkedHashMap<>(references)));
    }

    /** {@link #byReferences(Map)}, only those the scope may see (a partner's relationship), best match first. */
    public List<Shipment> byReferences(Map<String, String> references, PartnerScope scope) {
        List<Shipment> found = byReferences(references);
        if (scope.restrictedTo().isEmpty() || found.isEmpty()) {
            return found;
        }
        PartnerId partner = scope.restrictedTo().get();
        // its carrier or broker sees it, as the rows this transaction read say; the others ask the database
        List<String> asked = found.stream()
                .filter(s -> !partyOf(s, partner))
                .map(s -> s.id().value())
                .toList();
        Set<String> visible = asked.isEmpty() ? Set.of() : this.visible.get(new Visibility(scope, asked));
        return found.stream()
                .filter(s -> partyOf(s, partner) || visible.contains(s.id().value()))
                .toList();
    }

    /**
     * The first two terms of {@link #scopeFilter}, whatever the partner's role (what it may assert about the shipment
     * is decided above this repository).
     */
    private static boolean partyOf(Shipment shipment, PartnerId partner) {
        return partner.equals(shipment.carrierId()) || partner.equals(shipment.brokerId());
    }

    /**
     * Which of these shipments the scope may see: its partner is their carrier, broker or supplier, or they carry its
     * POs.
     */
    private Set<String> readVisible(Visibility asked) {
        var params = new HashMap<String, Object>();
        String[] ids = asked.ids().toArray(String[]::new);
        params.put("ids", Columns.oneOrAll(ids));
        return Set.copyOf(jdbc.sql("select s.shipment_id from shipment s where "
                        + Columns.oneOf("s.shipment_id", "ids", ids) + scopeFilter(asked.scope(), params))
                .params(params)
                .query(String.class)
                .list());
    }

    private record Visibility(PartnerScope scope, List<String> ids) {}

    /**
     * Makes {@code partner} the shipment's carrier ({@code CARRIER}, {@code FORWARDER}) or customs broker ({@code
     * BROKER}) when it has none yet; true when it is that party now.
     */
    public boolean assign(ShipmentId id, PartnerRole role, PartnerId partner) {
        forget();
        String column =
                switch (role) {
                    case CARRIER, FORWARDER -> "carrier_id";
                    case BROKER -> "broker_id";
                    case SUPPLIER -> throw new IllegalArgumentException("a supplier is no party of a shipment");
                };
        jdbc.sql("update shipment set " + column + " = :partner, updated_at = :now where shipment_id = :id and "
                        + column + " is null")
                .param("partner", partner.value())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id.value())
                .update();
        return jdbc.sql("select " + column + " from shipment where shipment_id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .map(partner.value()::equals)
                .orElse(false);
    }

    private List<Shipment> readByReferences(Map<String, String> references) {
        var params = new HashMap<String, Object>();
        var score = new ArrayList<String>();
        var any = new ArrayList<String>();
        references.forEach((name, value) -> {
            String column = REFERENCE_COLUMNS.get(name);
            if (column != null && value != null && !value.isBlank()) {
                params.put(name, value.trim());
                score.add("(case when s." + column + " = :" + name + " then 1 else 0 end)");
                any.add("s." + column + " = :" + name);
            }
        });
        if (score.isEmpty()) {
            return List.of();
        }
        // "a = x or b = y" lets PostgreSQL use each reference's index; the score only orders what those find
        return load(
                "where " + String.join(" or ", any),
                params,
                " order by " + String.join(" + ", score) + " desc, s.created_at, s.shipment_id");
    }

    private static final Map<String, String> REFERENCE_COLUMNS = Map.of(
            "shipmentId", "shipment_id",
            "bol", "bol",
            "pro", "pro",
            "container", "container",
            "booking", "booking",
            "awb", "awb");

    /**
     * Records what a ship notice says: creates the shipment when it is new, fills in references it did not have,
     * the ship date and ETA, the supplier that advised it, its carrier when known, and links its POs. The ERP's plan
     * (planned delivery, expected freight) stays as it was.
     */
    public void advise(
            ShipmentId id,
            PartnerId supplier,
            PartnerId carrier,
            ShipmentReferences references,
            LocalDate shipDate,
            LocalDateTime estimatedDelivery,
            List<PurchaseOrderNumber> poNumbers) {
        forget();
        jdbc.sql(
                        """
                        insert into shipment (shipment_id, carrier_id, supplier_id, bol, pro, container, booking, awb,
                            ship_date, estimated_delivery, status, created_at, updated_at)
                        values (:id, :carrier, :supplier, :bol, :pro, :container, :booking, :awb, :shipDate, :eta,
                            'IN_TRANSIT', :now, :now)
                        on conflict (shipment_id) do update set
                            carrier_id = coalesce(shipment.carrier_id, excluded.carrier_id),
                            supplier_id = coalesce(shipment.supplier_id, excluded.supplier_id),
                            bol = coalesce(shipment.bol, excluded.bol), pro = coalesce(shipment.pro, excluded.pro),
                            container = coalesce(shipment.container, excluded.container),
                            booking = coalesce(shipment.booking, excluded.booking),
                            awb = coalesce(shipment.awb, excluded.awb),
                            ship_date = coalesce(excluded.ship_date, shipment.ship_date),
                            estimated_delivery = coalesce(excluded.estimated_delivery, shipment.estimated_delivery),
                            status = case when shipment.status in ('PLANNED', 'TENDERED', 'BOOKED') then 'IN_TRANSIT'
                                else shipment.status end,
                            updated_at = excluded.updated_at
                        """)
                .param("id", id.value())
                .param("carrier", carrier == null ? null : carrier.value())
                .param("supplier", supplier == null ? null : supplier.value())
                .param("bol", references.bol())
                .param("pro", references.pro())
                .param("container", references.container())
                .param("booking", references.booking())
                .param("awb", references.awb())
                .param("shipDate", shipDate)
                .param("eta", estimatedDelivery)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        for (PurchaseOrderNumber po : poNumbers) {
            jdbc.sql(
                            """
                            insert into shipment_purchase_order (shipment_id, po_number, position)
                            values (:id, :po, (select count(*) from shipment_purchase_order where shipment_id = :id))
                            on conflict do nothing
                            """)
                    .param("id", id.value())
                    .param("po", po.value())
                    .update();
        }
    }

    /** Sets what one shipment carries of one PO line (a second notice for the same line replaces the first). */
    public void putLine(ShipmentId id, ShipmentLine line) {
        putLines(id, List.of(line));
    }

    /**
     * Sets what one shipment carries of these PO lines (each at most once), in one statement: one row per PO the lines
     * are of, each line's quantity under its line number, a line already there replaced. A quantity is in its PO
     * line's unit, which is what {@link #lines} gives as the unit.
     */
    public void putLines(ShipmentId id, List<ShipmentLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into shipment_po_lines as c (shipment_id, po_number, lines)
                        select :id, v.po, jsonb_object_agg(v.line, trim_scale(round(v.quantity, 4)))
                        from unnest(cast(:pos as text[]), cast(:lines as text[]), cast(:quantities as numeric[]))
                            as v(po, line, quantity)
                        group by v.po
                        on conflict (shipment_id, po_number) do update set lines = c.lines || excluded.lines
                        """)
                .param("id", id.value())
                .param("pos", Columns.texts(lines, l -> l.poNumber().value()))
                .param("lines", Columns.texts(lines, ShipmentLine::lineNumber))
                .param("quantities", Columns.texts(lines, l -> Columns.text(l.quantity())))
                .update();
    }

    /** What a shipment carries, per PO line, in the PO line's unit. */
    public List<ShipmentLine> lines(ShipmentId id) {
        reported.flush();
        return jdbc.sql(
                        """
                        select c.po_number, e.key as line_number, cast(e.value as numeric) as quantity, l.unit
                        from shipment_po_lines c cross join jsonb_each(c.lines) e
                            left join purchase_order_line l on l.po_number = c.po_number and l.line_number = e.key
                        where c.shipment_id = :id order by c.po_number, e.key
                        """)
                .param("id", id.value())
                .query((rs, n) -> new ShipmentLine(
                        PurchaseOrderNumber.of(rs.getString("po_number")),
                        rs.getString("line_number"),
                        decimal(rs, "quantity"),
                        rs.getString("unit")))
                .list();
    }

    /** Records the carrier's latest status and, when it gave one, its ETA. */
    public void reportStatus(ShipmentId id, ShipmentStatus status, LocalDateTime estimatedDelivery) {
        reportStatus(id, status, estimatedDelivery, null);
    }

    /**
     * Records the carrier's latest status, its ETA when it gave one, and when it delivered (once). Inside a
     * transaction the shipment is updated when it commits (a carrier's message reports one shipment many times: the
     * last status, the last ETA given and the first delivery count), and the transaction's copies of the shipment
     * change at once.
     */
    public void reportStatus(
            ShipmentId id, ShipmentStatus status, LocalDateTime estimatedDelivery, java.time.Instant deliveredAt) {
        reported.add(new Reported(id, status, estimatedDelivery, deliveredAt, clock.instant()));
        UnaryOperator<Shipment> report = shipment -> shipment.id().equals(id)
                ? new Shipment(
                        shipment.id(),
                        shipment.carrierId(),
                        shipment.brokerId(),
                        shipment.references(),
                        shipment.poNumbers(),
                        shipment.plannedDelivery(),
                        estimatedDelivery != null ? estimatedDelivery : shipment.estimatedDelivery(),
                        shipment.expectedFreight(),
                        status)
                : shipment;
        byId.replaceAll(found -> found.map(report));
        byReferences.replaceAll(found -> found.stream().map(report).toList());
    }

    private void writeReported(List<Reported> reports) {
        // per shipment, in the order reported: the last status, the last ETA given, the first delivery
        var merged = new LinkedHashMap<ShipmentId, Reported>();
        for (Reported report : reports) {
            merged.merge(
                    report.id(),
                    report,
                    (before, after) -> new Reported(
                            after.id(),
                            after.status(),
                            after.estimatedDelivery() != null ? after.estimatedDelivery() : before.estimatedDelivery(),
                            before.deliveredAt() != null ? before.deliveredAt() : after.deliveredAt(),
                            after.at()));
        }
        var rows = List.copyOf(merged.values());
        jdbc.sql(
                        """
                        update shipment s set status = v.status,
                            estimated_delivery = coalesce(v.eta, s.estimated_delivery), updated_at = v.at,
                            delivered_at = coalesce(s.delivered_at, v.delivered)
                        from unnest(cast(:ids as text[]), cast(:statuses as text[]), cast(:etas as timestamp[]),
                            cast(:delivered as timestamptz[]), cast(:ats as timestamptz[]))
                            as v(id, status, eta, delivered, at)
                        where s.shipment_id = v.id
                        """)
                .param("ids", Columns.texts(rows, r -> r.id().value()))
                .param("statuses", Columns.texts(rows, r -> r.status().name()))
                .param(
                        "etas",
                        Columns.texts(
                                rows,
                                r -> r.estimatedDelivery() == null
                                        ? null
                                        : r.estimatedDelivery().toString()))
                .param(
                        "delivered",
                        Columns.texts(
                                rows,
                                r -> r.deliveredAt() == null
                                        ? null
                                        : r.deliveredAt().toString()))
                .param("ats", Columns.texts(rows, r -> r.at().toString()))
                .update();
    }

    /** When a shipment was delivered, if it was. */
    public Optional<java.time.Instant> deliveredAt(ShipmentId id) {
        reported.flush();
        return jdbc.sql("select delivered_at from shipment where shipment_id = :id and delivered_at is not null")
                .param("id", id.value())
                .query((rs, n) -> rs.getTimestamp("delivered_at").toInstant())
                .optional();
    }

    public Optional<PartnerId> carrierOf(ShipmentId id) {
        reported.flush();
        return jdbc.sql("select carrier_id from shipment where shipment_id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .map(PartnerId::of);
    }

    public Optional<Shipment> find(ShipmentId id, PartnerScope scope) {
        if (scope.restrictedTo().isEmpty()) {
            return byId.get(id);
        }
        var params = new HashMap<String, Object>();
        params.put("id", id.value());
        return load("where s.shipment_id = :id" + scopeFilter(scope, params), params, "").stream()
                .findFirst();
    }

    public Page<Shipment> list(ShipmentQuery query) {
        reported.flush();
        var params = new HashMap<String, Object>();
        var where = new StringBuilder("where true").append(scopeFilter(query.scope(), params));
        if (query.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", query.status().name());
        }
        if (query.carrierId() != null) {
            where.append(" and s.carrier_id = :carrierFilter");
            params.put("carrierFilter", query.carrierId().value());
        }
        if (query.poNumber() != null) {
            where.append(" and exists (select 1 from shipment_purchase_order f"
                    + " where f.shipment_id = s.shipment_id and f.po_number = :poFilter)");
            params.put("poFilter", query.poNumber());
        }
        long total = jdbc.sql("select count(*) from shipment s " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.window().limit());
        params.put("offset", query.window().offset());
        var items = load(
                where.toString(),
                params,
                " order by s.planned_delivery nulls last, s.shipment_id" + " limit :limit offset :offset");
        return new Page<>(items, total, query.window().limit(), query.window().offset());
    }

    private static String scopeFilter(PartnerScope scope, Map<String, Object> params) {
        return scope.restrictedTo()
                .map(p -> {
                    params.put("scopePartner", p.value());
                    return " and (s.carrier_id = :scopePartner or s.broker_id = :scopePartner"
                            + " or s.supplier_id = :scopePartner or exists (select 1 from shipment_purchase_order v"
                            + " join purchase_order o on o.po_number = v.po_number"
                            + " where v.shipment_id = s.shipment_id and o.partner_id = :scopePartner))";
                })
                .orElse("");
    }

    private List<Shipment> load(String where, Map<String, Object> params, String orderAndPage) {
        reported.flush();
        List<Shipment> shipments = jdbc.sql("select s.* from shipment s " + where + orderAndPage)
                .params(params)
                .query((rs, n) -> shipment(rs, List.of()))
                .list();
        if (shipments.isEmpty()) {
            return List.of();
        }
        var pos = new HashMap<String, List<PurchaseOrderNumber>>();
        String[] ids = shipments.stream().map(s -> s.id().value()).toArray(String[]::new);
        jdbc.sql("select * from shipment_purchase_order where " + Columns.oneOf("shipment_id", "ids", ids)
                        + " order by shipment_id, position")
                .param("ids", Columns.oneOrAll(ids))
                .query(rs -> {
                    pos.computeIfAbsent(rs.getString("shipment_id"), k -> new ArrayList<>())
                            .add(PurchaseOrderNumber.of(rs.getString("po_number")));
                });
        return shipments.stream()
                .map(s -> new Shipment(
                        s.id(),
                        s.carrierId(),
                        s.brokerId(),
                        s.references(),
                        pos.getOrDefault(s.id().value(), List.of()),
                        s.plannedDelivery(),
                        s.estimatedDelivery(),
                        s.expectedFreight(),
                        s.status()))
                .toList();
    }

    private static Shipment shipment(ResultSet rs, List<PurchaseOrderNumber> poNumbers) throws SQLException {
        BigDecimal freight = decimal(rs, "expected_freight_amount");
        return new Shipment(
                ShipmentId.of(rs.getString("shipment_id")),
                rs.getString("carrier_id") == null ? null : PartnerId.of(rs.getString("carrier_id")),
                rs.getString("broker_id") == null ? null : PartnerId.of(rs.getString("broker_id")),
                new ShipmentReferences(
                        rs.getString("bol"),
                        rs.getString("pro"),
                        rs.getString("container"),
                        rs.getString("booking"),
                        rs.getString("awb")),
                poNumbers,
                date(rs, "planned_delivery"),
                dateTime(rs, "estimated_delivery"),
                freight == null ? null : new Money(freight, rs.getString("expected_freight_currency")),
                ShipmentStatus.valueOf(rs.getString("status")));
    }
}
