package io.seamline.coordination.bookings;

import io.seamline.adapters.persistence.Bookings;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.ShipmentRules;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.event.EventData;
import io.seamline.model.shipment.Shipment;
import io.seamline.model.shipment.ShipmentRoute;
import io.seamline.model.shipment.ShipmentStatus;
import io.seamline.model.task.TaskKind;
import io.seamline.model.timeline.TimelineKind;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class BookingAnswers implements DocumentWorkflow {

    private final Matching matching;
    private final Relationships relationships;
    private final Bookings bookings;
    private final Policies policies;

    BookingAnswers(Matching matching, Relationships relationships, Bookings bookings, Policies policies) {
        this.matching = matching;
        this.relationships = relationships;
        this.bookings = bookings;
        this.policies = policies;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(BookingConfirmed.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.BOOKING_CHANGE);
    }

    /** The sender's shipment the answer names (our shipment id, else the booking number, else a PO it carries). */
    @Override
    public Correlation correlate(Work work) {
        var answer = (BookingConfirmed) work.event().data();
        var refs = new LinkedHashMap<String, String>();
        refs.put("shipmentId", answer.shipmentId());
        refs.put("booking", answer.bookingNumber());
        Optional<Shipment> shipment = matching.carriersShipment(work, refs, answer.poNumbers());
        if (shipment.isEmpty()) {
            return matching.noShipment(work, refs, "");
        }
        return matching.ofShipment(work.partner(), shipment.get());
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var answer = (BookingConfirmed) work.event().data();
        Shipment shipment = correlated.correlation().shipment();
        Subject subject = Subject.shipment(shipment.id().value());
        effects.meet(
                SlaProfile.Kind.BOOKING_CONFIRMATION,
                subject,
                null,
                work.message().id());
        effects.bookingAnswered(shipment.id(), answer, work.message().id());
        List<String> changes = changes(answer, shipment, work);
        if (answer.decision() != BookingConfirmed.Decision.DECLINED && changes.isEmpty()) {
            effects.reportStatus(shipment.id(), ShipmentStatus.BOOKED, answer.eta(), null);
            effects.remember(
                    subject,
                    TimelineKind.EVENT,
                    "Booking " + answer.bookingNumber() + " confirmed by "
                            + work.partner().id()
                            + (answer.vessel() == null ? "" : " on " + answer.vessel())
                            + (answer.voyage() == null ? "" : " voyage " + answer.voyage()),
                    "partner:" + work.partner().id(),
                    details(answer),
                    work.message().id(),
                    work.step("booked"));
            return List.of();
        }
        if (answer.decision() == BookingConfirmed.Decision.DECLINED) {
            changes = List.of("declined");
        }
        effects.openTask(
                new TaskContext.BookingChange(
                        answer.bookingNumber(),
                        shipment.id(),
                        answer.decision().name(),
                        changes,
                        work.message().id()),
                subject,
                work.partner().id(),
                work.partner().id() + " answered the booking of " + shipment.id() + " " + answer.decision() + ": "
                        + String.join("; ", changes),
                TaskOpening.approveOrReject(
                        "accept the forwarder's answer (plan around it)", "book with another forwarder or re-plan"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        return List.of();
    }

    /** What the answer moves beyond the partner's tolerance: another port, an ETD or ETA later or earlier. */
    private List<String> changes(BookingConfirmed answer, Shipment shipment, Work work) {
        var changes = new ArrayList<String>();
        long hours = ShipmentRules.bookingToleranceHours(policies.of(work.partner(), null));
        Optional<ShipmentRoute> route = bookings.route(shipment.id().value());
        if (route.isPresent()) {
            port(changes, "port of loading", route.get().portOfLoading(), answer.portOfLoading());
            port(changes, "port of discharge", route.get().portOfDischarge(), answer.portOfDischarge());
            if (route.get().plannedDeparture() != null && answer.etd() != null) {
                moved(changes, "ETD", route.get().plannedDeparture().atStartOfDay(), answer.etd(), hours);
            }
        }
        if (shipment.plannedDelivery() != null
                && answer.eta() != null
                && answer.eta().toLocalDate().isAfter(shipment.plannedDelivery())) {
            moved(changes, "ETA", shipment.plannedDelivery().atTime(23, 59), answer.eta(), hours);
        }
        return changes;
    }

    private static void port(List<String> changes, String what, String planned, String answered) {
        if (planned != null && answered != null && !planned.equalsIgnoreCase(answered.trim())) {
            changes.add(what + " " + answered + " instead of " + planned);
        }
    }

    private static void moved(
            List<String> changes, String what, LocalDateTime planned, LocalDateTime answered, long toleranceHours) {
        long off = Math.abs(Duration.between(planned, answered).toHours());
        if (off > toleranceHours) {
            changes.add(what + " " + answered + " is " + off + " h from the plan (" + planned.toLocalDate() + ")");
        }
    }

    private static Map<String, Object> details(BookingConfirmed answer) {
        var details = new LinkedHashMap<String, Object>();
        details.put("bookingNumber", answer.bookingNumber());
        details.put("vessel", answer.vessel());
        details.put("voyage", answer.voyage());
        details.put("portOfLoading", answer.portOfLoading());
        details.put("portOfDischarge", answer.portOfDischarge());
        details.put("etd", answer.etd() == null ? null : answer.etd().toString());
        details.put("eta", answer.eta() == null ? null : answer.eta().toString());
        details.put("containers", answer.containers());
        return details;
    }

    @Override
    public String describe(EventData data) {
        var answer = (BookingConfirmed) data;
        return "Booking " + answer.bookingNumber() + " " + answer.decision()
                + (answer.vessel() == null ? "" : ", vessel " + answer.vessel())
                + (answer.eta() == null ? "" : ", ETA " + answer.eta());
    }
}
