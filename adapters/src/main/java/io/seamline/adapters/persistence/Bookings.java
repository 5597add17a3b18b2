package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.date;

import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.ShipmentRoute;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our booking requests to forwarders (on the ERP's route) and what each answered. */
@Repository
public class Bookings {

    private final JdbcClient jdbc;
    private final Shipments shipments;
    private final Clock clock;

    public Bookings(JdbcClient jdbc, Shipments shipments, Clock clock) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.clock = clock;
    }

    /** Records the route we book (once per shipment; a new route from the ERP replaces an unanswered one). */
    public void request(String shipmentId, PartnerId forwarder, ShipmentRoute route) {
        jdbc.sql(
                        """
                        insert into booking_request (shipment_id, forwarder_id, port_of_loading, port_of_discharge,
                            planned_departure, status, requested_at)
                        values (:shipment, :forwarder, :loading, :discharge, :departure, 'REQUESTED', :now)
                        on conflict (shipment_id) do update set port_of_loading = excluded.port_of_loading,
                            port_of_discharge = excluded.port_of_discharge,
                            planned_departure = excluded.planned_departure
                        where booking_request.status = 'REQUESTED'
                        """)
                .param("shipment", shipmentId)
                .param("forwarder", forwarder.value())
                .param("loading", route.portOfLoading())
                .param("discharge", route.portOfDischarge())
                .param("departure", route.plannedDeparture())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The route a shipment was booked on, when it was booked. */
    public Optional<ShipmentRoute> route(String shipmentId) {
        return jdbc.sql("select * from booking_request where shipment_id = :shipment")
                .param("shipment", shipmentId)
                .query((rs, n) -> new ShipmentRoute(
                        rs.getString("port_of_loading"),
                        rs.getString("port_of_discharge"),
                        date(rs, "planned_departure")))
                .optional();
    }

    /**
     * Records the forwarder's answer; a confirmation's booking number and first container become the shipment's
     * references where it had none.
     */
    public void answered(String shipmentId, BookingConfirmed answer, MessageId by) {
        jdbc.sql(
                        """
                        update booking_request set status = :status, booking_number = coalesce(:number, booking_number),
                            answer = cast(:answer as jsonb), answered_by = :by, answered_at = :now
                        where shipment_id = :shipment
                        """)
                .param("status", answer.decision().name())
                .param("number", answer.bookingNumber())
                .param("answer", Columns.json(answer))
                .param("by", by == null ? null : by.value())
                .param("now", Timestamp.from(clock.instant()))
                .param("shipment", shipmentId)
                .update();
        if (answer.decision() != BookingConfirmed.Decision.DECLINED) {
            jdbc.sql(
                            """
                            update shipment set booking = coalesce(booking, :number),
                                container = coalesce(container, :container), updated_at = :now
                            where shipment_id = :shipment
                            """)
                    .param("number", answer.bookingNumber())
                    .param(
                            "container",
                            answer.containers().isEmpty()
                                    ? null
                                    : answer.containers().get(0))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("shipment", shipmentId)
                    .update();
            shipments.changed();
        }
    }
}
