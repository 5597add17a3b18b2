package io.seamline.portal.api;

import io.seamline.coordination.lookup.Lookup;
import io.seamline.coordination.metrics.Autonomy;
import io.seamline.coordination.workflow.TaskDecisions;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.JsonDocuments;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.task.Decision;
import io.seamline.model.task.TaskId;
import io.seamline.model.task.TaskKind;
import io.seamline.model.task.TaskQuery;
import io.seamline.model.task.TaskStatus;
import io.seamline.model.workflow.AutonomyRate;
import io.seamline.portal.api.Views.TaskView;
import io.seamline.portal.api.Views.TimelineEntryView;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Execution memory and human work: timelines, tasks and their decisions, and the autonomy rate. */
@Component
class WorkApi {

    private final Lookup lookup;
    private final TaskDecisions decisions;
    private final Autonomy autonomy;
    private final Clock clock;

    public WorkApi(Lookup lookup, TaskDecisions decisions, Autonomy autonomy, Clock clock) {
        this.lookup = lookup;
        this.decisions = decisions;
        this.autonomy = autonomy;
        this.clock = clock;
    }

    public Reply purchaseOrderTimeline(ApiRequest request) {
        String po = request.pathParam("po");
        if (!PurchaseOrderNumber.isValid(po)) {
            throw ApiProblem.notFound("purchase order " + po);
        }
        return lookup.purchaseOrderTimeline(
                        PurchaseOrderNumber.of(po), request.caller().scope())
                .map(entries ->
                        Reply.ok(entries.stream().map(TimelineEntryView::of).toList()))
                .orElseThrow(() -> ApiProblem.notFound("purchase order " + po));
    }

    public Reply shipmentTimeline(ApiRequest request) {
        String id = request.pathParam("id");
        if (!ShipmentId.isValid(id)) {
            throw ApiProblem.notFound("shipment " + id);
        }
        return lookup.shipmentTimeline(ShipmentId.of(id), request.caller().scope())
                .map(entries ->
                        Reply.ok(entries.stream().map(TimelineEntryView::of).toList()))
                .orElseThrow(() -> ApiProblem.notFound("shipment " + id));
    }

    public Reply tasks(ApiRequest request) {
        var query = new TaskQuery(
                Queries.enumeration(request, "status", TaskStatus.class),
                Queries.enumeration(request, "kind", TaskKind.class),
                Queries.partnerId(request, "partnerId"),
                request.queryParam("subject").orElse(null),
                Queries.window(request));
        return Reply.ok(Pages.of(decisions.list(query).map(TaskView::of), Pages.TaskPage::new));
    }

    public Reply task(ApiRequest request) {
        TaskId id = taskId(request);
        return decisions.find(id).map(TaskView::of).map(Reply::ok).orElseThrow(() -> ApiProblem.notFound("task " + id));
    }

    record DecisionDocument(String decision, String comment) {}

    public Reply decide(ApiRequest request) {
        TaskId id = taskId(request);
        Parsed<DecisionDocument> parsed = JsonDocuments.one(request.body(), DecisionDocument.class);
        if (parsed instanceof Parsed.Invalid<DecisionDocument> invalid) {
            throw ApiProblem.badRequest("the decision is not valid", invalid.problems());
        }
        DecisionDocument document = ((Parsed.Valid<DecisionDocument>) parsed).value();
        Decision decision;
        try {
            decision = Decision.valueOf(String.valueOf(document.decision()).trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("decision", "must be APPROVE or REJECT");
        }
        TaskDecisions.Outcome outcome = decisions.decide(
                id, decision, document.comment(), request.caller().actor());
        if (outcome instanceof TaskDecisions.Outcome.NotFound) {
            throw ApiProblem.notFound("task " + id);
        }
        if (outcome instanceof TaskDecisions.Outcome.NotOpen notOpen) {
            throw ApiProblem.conflict("task " + id + " is " + notOpen.task().status() + ", not OPEN", List.of());
        }
        var taken = (TaskDecisions.Outcome.Taken) outcome;
        var body = new LinkedHashMap<String, Object>();
        body.put("task", TaskView.of(taken.task()));
        body.put("responses", taken.responses().stream().map(Object::toString).toList());
        return Reply.ok(body);
    }

    public Reply autonomy(ApiRequest request) {
        Instant[] period = Queries.period(request, clock);
        AutonomyRate rate = autonomy.rate(period[0], period[1]);
        var body = new LinkedHashMap<String, Object>();
        body.put("from", rate.from());
        body.put("to", rate.to());
        body.put("overall", counts(rate.overall()));
        var byPartner = new LinkedHashMap<String, Object>();
        rate.byPartner().forEach((k, v) -> byPartner.put(k, counts(v)));
        var byType = new LinkedHashMap<String, Object>();
        rate.byDocumentType().forEach((k, v) -> byType.put(k, counts(v)));
        body.put("byPartner", byPartner);
        body.put("byDocumentType", byType);
        return Reply.ok(body);
    }

    private static Map<String, Object> counts(io.seamline.model.workflow.AutonomyCounts counts) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rate", counts.rate());
        map.put("events", counts.events());
        map.put("autonomous", counts.autonomous());
        map.put("withPerson", counts.withPerson());
        map.put("open", counts.open());
        return map;
    }

    private static TaskId taskId(ApiRequest request) {
        String id = request.pathParam("id");
        try {
            return new TaskId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("task " + id);
        }
    }
}
