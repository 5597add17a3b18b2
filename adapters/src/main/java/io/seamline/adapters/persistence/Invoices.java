package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.date;
import static io.seamline.adapters.persistence.Columns.decimal;
import static io.seamline.adapters.persistence.Columns.texts;

import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.invoice.Invoice;
import io.seamline.model.invoice.InvoiceStatus;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.ShipmentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' invoices and where each stands in the audit. */
@Repository
public class Invoices {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Invoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an invoice as received; the same partner's invoice number received again (a resend) keeps the first
     * one's status. Returns the stored invoice.
     */
    public Invoice receive(Invoice invoice, UUID eventId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(
                        """
                        insert into invoice (partner_id, invoice_number, kind, invoice_date, currency, total, status,
                            shipment_id, po_numbers, event_id, created_at, updated_at)
                        values (:partner, :number, :kind, :date, :currency, :total, :status, :shipment, :pos, :event,
                            :now, :now)
                        on conflict (partner_id, invoice_number) do update set
                            shipment_id = coalesce(invoice.shipment_id, excluded.shipment_id)
                        """)
                .param("partner", invoice.partnerId().value())
                .param("number", invoice.number())
                .param("kind", invoice.kind().name())
                .param("date", invoice.invoiceDate())
                .param("currency", invoice.currency())
                .param("total", invoice.total())
                .param("status", invoice.status().name())
                .param(
                        "shipment",
                        invoice.shipmentId() == null
                                ? null
                                : invoice.shipmentId().value())
                .param("pos", invoice.poNumbers().toArray(String[]::new))
                .param("event", eventId)
                .param("now", now)
                .update();
        return find(invoice.partnerId(), invoice.number()).orElseThrow();
    }

    public Optional<Invoice> find(PartnerId partner, String number) {
        return jdbc.sql("select * from invoice where partner_id = :partner and invoice_number = :number")
                .param("partner", partner.value())
                .param("number", number)
                .query((rs, n) -> invoice(rs))
                .optional();
    }

    /** The event an invoice was first received in. */
    public Optional<UUID> eventOf(PartnerId partner, String number) {
        return jdbc.sql("select event_id from invoice where partner_id = :partner and invoice_number = :number"
                        + " and event_id is not null")
                .param("partner", partner.value())
                .param("number", number)
                .query((rs, n) -> rs.getObject("event_id", UUID.class))
                .optional();
    }

    public void setStatus(PartnerId partner, String number, InvoiceStatus status) {
        jdbc.sql(
                        """
                        update invoice set status = :status, updated_at = :now
                        where partner_id = :partner and invoice_number = :number
                        """)
                .param("partner", partner.value())
                .param("number", number)
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static Invoice invoice(ResultSet rs) throws SQLException {
        String shipment = rs.getString("shipment_id");
        return new Invoice(
                PartnerId.of(rs.getString("partner_id")),
                rs.getString("invoice_number"),
                InvoiceReceived.Kind.valueOf(rs.getString("kind")),
                date(rs, "invoice_date"),
                rs.getString("currency"),
                decimal(rs, "total"),
                InvoiceStatus.valueOf(rs.getString("status")),
                shipment == null ? null : ShipmentId.of(shipment),
                texts(rs, "po_numbers"));
    }
}
