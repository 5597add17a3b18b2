package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.Events;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.Tasks;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.coordination.effects.ProductionEffects;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Events that matched nothing get another chance: when the ERP imports a PO they were waiting for (the task
 * resolves itself and the event's workflow runs), or when a person asks to match again. A person may also refuse
 * the document, and the partner hears that it matches nothing of ours.
 */
@Service
public class Rematching {

    private final Tasks tasks;
    private final Events events;
    private final Messages messages;
    private final Partners partners;
    private final Correlator correlator;
    private final Coordinator coordinator;
    private final Responder responder;
    private final Workflows workflows;
    private final ProductionEffects effects;
    private final SlaExpectations slaExpectations;
    private final Clock clock;

    public Rematching(
            Tasks tasks,
            Events events,
            Messages messages,
            Partners partners,
            Correlator correlator,
            Coordinator coordinator,
            Responder responder,
            Workflows workflows,
            ProductionEffects effects,
            SlaExpectations slaExpectations,
            Clock clock) {
        this.tasks = tasks;
        this.events = events;
        this.messages = messages;
        this.partners = partners;
        this.correlator = correlator;
        this.coordinator = coordinator;
        this.responder = responder;
        this.workflows = workflows;
        this.effects = effects;
        this.slaExpectations = slaExpectations;
        this.clock = clock;
    }

    /** The ERP imported POs: every open UNMATCHED_MESSAGE task waiting for one of them tries again. */
    public void purchaseOrdersArrived(List<String> poNumbers) {
        for (String po : poNumbers) {
            for (Task task : tasks.openWaitingFor(TaskKind.UNMATCHED_MESSAGE, "missingPoNumbers", po)) {
                if (matchAgain(task).isPresent()) {
                    tasks.close(task.id(), TaskStatus.RESOLVED, "PO " + po + " arrived from the ERP", clock.instant());
                    slaExpectations.taskDecided(task);
                    effects.note(
                            task.subject(),
                            TimelineKind.CORRELATION,
                            "Resolved itself: PO " + po + " arrived from the ERP",
                            Timeline.SYSTEM,
                            Map.of("taskId", task.id().toString()),
                            null,
                            "task:" + task.id() + ":resolved");
                    finish(task);
                }
            }
        }
    }

    /**
     * Matches the task's event again and, when it matches now, runs its workflow and answers the partner; when it
     * still does not, a new task is opened under a key of this attempt. Returns the correlation when it matched.
     */
    public Optional<Correlated> matchAgain(Task task) {
        Work work = work(task);
        Correlated correlated = correlator.correlate(work, effects);
        if (!correlated.correlation().matched()) {
            return Optional.empty();
        }
        Decided decided = coordinator.coordinate(correlated, effects);
        decided.responses().forEach(responder::respond);
        return Optional.of(correlated);
    }

    /**
     * After a person's APPROVE: match again, or open a fresh task for this attempt. A task that offers to make the
     * sender the carrier or broker of a shipment without one does that first, recorded on the shipment's timeline.
     */
    public void retry(Task task, String actor) {
        Work work = work(task);
        TaskContext.Assign assign = unmatched(task).assign();
        if (assign != null) {
            ShipmentId shipment = assign.shipmentId();
            PartnerRole role = assign.role();
            if (effects.assign(shipment, role, work.partner().id())) {
                effects.note(
                        Subject.shipment(shipment.value()),
                        TimelineKind.HUMAN_ACTION,
                        actor + " made " + work.partner().id() + " the "
                                + (role == PartnerRole.BROKER ? "customs broker" : "carrier") + " of " + shipment
                                + ", accepting its " + work.documentType(),
                        actor,
                        Map.of(
                                "taskId",
                                task.id().toString(),
                                "partnerId",
                                work.partner().id().value()),
                        work.message().id(),
                        "task:" + task.id() + ":assigned");
            }
        }
        Correlated correlated = correlator.correlate(work, effects);
        if (correlated.correlation().matched()) {
            coordinator.coordinate(correlated, effects).responses().forEach(responder::respond);
        } else {
            coordinator.unmatched(
                    work,
                    correlated.correlation().subject(),
                    correlated.correlation().unmatched(),
                    "task:" + task.id(),
                    effects);
        }
    }

    /** After a person's REJECT: the partner is told the document matches nothing of ours. */
    public List<Response> refuse(Task task, String comment) {
        Work work = work(task);
        String reason = work.documentType() + " not processed: "
                + unmatched(task).reason() + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
        String step = "task:" + task.id() + ":refused";
        var advice = new ApplicationAdvised(
                Response.adviceNumber(step),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                ApplicationAdvised.Outcome.REJECTED,
                "TN",
                work.message().controlNumbers().interchange() == null
                        ? TimeOrderedIds.shortHex(work.message().id().value(), 8)
                        : work.message().controlNumbers().interchange(),
                work.documentType().matches("\\d{3}") ? work.documentType() : null,
                null,
                List.of(new ApplicationAdvised.Error("ZZZ", reason)));
        return List.of(new Response(
                work.partner().id(),
                task.subject(),
                advice,
                Map.of(
                        "type",
                        "document.refused",
                        "messageId",
                        work.message().id().toString(),
                        "reason",
                        reason),
                reason,
                work.message().id(),
                step));
    }

    private void finish(Task task) {
        workflows.finishIfDone(unmatched(task).eventId(), clock.instant());
    }

    private Work work(Task task) {
        TaskContext.UnmatchedEvent unmatched = unmatched(task);
        CanonicalEvent event = events.find(unmatched.eventId())
                .orElseThrow(() -> new IllegalStateException("task " + task.id() + " points at no event"));
        ArchivedMessage message =
                messages.find(unmatched.messageId(), PartnerScope.everyone()).orElseThrow();
        Partner partner = partners.find(event.partner()).orElseThrow();
        return new Work(event, partner, message, unmatched.documentType());
    }

    private static TaskContext.UnmatchedEvent unmatched(Task task) {
        return TaskContext.of(task, TaskContext.UnmatchedEvent.class);
    }
}
