package io.seamline.coordination.commitments;

import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.PurchaseOrders.LineCommitment;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.policy.CommitmentRules;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.policy.Proposal;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.EventData;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.partner.Partner;
import io.seamline.model.policy.PolicyDecision;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The commitment workflow (855, 865, ORDRSP, API, portal). Each line the supplier commits is judged by the
 * commitment rules: inside them the PO line's promised quantity and date are updated (and written back to the ERP);
 * outside them a COMMITMENT_CHANGE task asks a person. Accepted changes are confirmed to the supplier with an
 * 860/ORDCHG (a webhook or portal notice for non-EDI partners), rejected ones answered with an 824/APERAK.
 */
@Component
class Commitments implements DocumentWorkflow {

    static final String NOTICE_ACCEPTED = "commitment.accepted";
    static final String NOTICE_REJECTED = "commitment.rejected";

    private final Matching matching;
    private final PurchaseOrders purchaseOrders;
    private final Policies policies;
    private final Clock clock;

    Commitments(Matching matching, PurchaseOrders purchaseOrders, Policies policies, Clock clock) {
        this.matching = matching;
        this.purchaseOrders = purchaseOrders;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(OrderAcknowledged.class, CommitmentUpdated.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.COMMITMENT_CHANGE);
    }

    /** The PO the supplier answers, and each of its lines by number, else by item. */
    @Override
    public Correlation correlate(Work work) {
        EventData data = work.event().data();
        if (data instanceof OrderAcknowledged ack) {
            var lines = ack.lines();
            return matching.orderLines(
                    work,
                    ack.poNumber(),
                    Matching.eventLines(
                            lines.size(),
                            i -> lines.get(i).lineNumber(),
                            i -> lines.get(i).itemId(),
                            i -> lines.get(i).partnerItemId()));
        }
        var update = (CommitmentUpdated) data;
        var lines = update.lines();
        return matching.orderLines(
                work,
                update.poNumber(),
                Matching.eventLines(
                        lines.size(),
                        i -> lines.get(i).lineNumber(),
                        i -> lines.get(i).itemId(),
                        i -> lines.get(i).partnerItemId()));
    }

    /**
     * Judges each committed line; meets the PO's acknowledgement and, unless the supplier rejected the order, makes
     * its ship notice due before the earliest date still to ship.
     */
    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        List<Response> responses = judge(correlated, effects);
        Work work = correlated.work();
        effects.meet(
                SlaProfile.Kind.PO_ACKNOWLEDGEMENT,
                correlated.correlation().subject(),
                null,
                work.message().id());
        boolean rejected = work.event().data() instanceof OrderAcknowledged ack
                && ack.ackType() == OrderAcknowledged.AckType.REJECTED;
        if (!rejected) {
            effects.shipNoticeDue(
                    correlated.correlation().order().number(),
                    work.partner().id(),
                    work.message().id());
        }
        return responses;
    }

    @Override
    public String describe(EventData data) {
        if (data instanceof OrderAcknowledged ack) {
            return "PO " + ack.poNumber() + " acknowledged " + ack.ackType() + ": "
                    + (ack.lines().isEmpty()
                            ? "no lines"
                            : ack.lines().stream()
                                    .map(l -> "line " + l.lineNumber() + " " + l.status()
                                            + (l.promisedDate() == null ? "" : " for " + l.promisedDate()))
                                    .collect(Collectors.joining(", ")));
        }
        var update = (CommitmentUpdated) data;
        return "Commitment for PO " + update.poNumber() + ": "
                + update.lines().stream()
                        .map(l -> "line " + l.lineNumber()
                                + (l.quantity() == null ? "" : " " + plain(l.quantity()))
                                + (l.promisedDate() == null ? "" : " by " + l.promisedDate()))
                        .collect(Collectors.joining(", "));
    }

    private List<Response> judge(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        PurchaseOrder order = correlated.correlation().order();
        Subject subject = correlated.correlation().subject();
        EventData data = work.event().data();
        var proposals = proposals(data);
        if (data instanceof OrderAcknowledged ack) {
            effects.acknowledged(order.number());
            if (ack.lines().isEmpty()) {
                return wholeOrder(work, order, subject, ack, effects);
            }
        }
        var accepted = new ArrayList<OrderChanged.Line>();
        var applied = new ArrayList<Applied>();
        var inside = new ArrayList<Timeline.Decided>();
        for (int i = 0; i < proposals.size(); i++) {
            PurchaseOrderLine line = correlated.correlation().lines().get(i);
            Proposal proposal = withLine(proposals.get(i), line);
            List<PolicyDecision> decisions =
                    CommitmentRules.judge(proposal, line, policies.of(work.partner(), line.category()));
            if (decisions.stream().allMatch(PolicyDecision::applies)) {
                decisions.forEach(decision -> inside.add(new Timeline.Decided("line " + line.lineNumber(), decision)));
                applied.add(applied(line, proposal));
                if (changes(proposal, line)) {
                    accepted.add(changedLine(line, proposal));
                }
            } else {
                // a line that needs a person keeps each of its decisions, for the person to read
                for (PolicyDecision decision : decisions) {
                    effects.decision(
                            subject,
                            decision,
                            work,
                            work.step("decision:" + line.lineNumber() + ":" + decision.rule()));
                }
                ask(work, order, line, proposal, decisions, subject, effects);
            }
        }
        effects.applied(subject, inside, work, work.step("decisions-applied"));
        apply(order, applied, work.message().id(), work.step("applied"), effects);
        if (accepted.isEmpty()) {
            return List.of();
        }
        return List.of(confirmation(
                work.partner(),
                order,
                subject,
                accepted,
                "Changes inside the agreed tolerances accepted",
                work.message().id(),
                work.step("changes-accepted")));
    }

    /** An acknowledgement without lines accepts or rejects the order as a whole. */
    private List<Response> wholeOrder(
            Work work, PurchaseOrder order, Subject subject, OrderAcknowledged ack, Effects effects) {
        if (ack.ackType() == OrderAcknowledged.AckType.REJECTED) {
            for (PurchaseOrderLine line : order.lines()) {
                Proposal proposal =
                        new Proposal(line.lineNumber(), OrderAcknowledged.LineStatus.REJECTED, null, null, null);
                List<PolicyDecision> decisions =
                        CommitmentRules.judge(proposal, line, policies.of(work.partner(), line.category()));
                decisions.forEach(d -> effects.decision(
                        subject, d, work, work.step("decision:" + line.lineNumber() + ":" + d.rule())));
                ask(work, order, line, proposal, decisions, subject, effects);
            }
            return List.of();
        }
        var applied = new ArrayList<Applied>();
        for (PurchaseOrderLine line : order.lines()) {
            if (line.status() == LineStatus.OPEN) {
                applied.add(applied(
                        line,
                        new Proposal(
                                line.lineNumber(),
                                OrderAcknowledged.LineStatus.ACCEPTED,
                                line.quantity(),
                                line.needByDate(),
                                null)));
            }
        }
        apply(order, applied, work.message().id(), work.step("applied"), effects);
        return List.of();
    }

    /** A person decided a COMMITMENT_CHANGE task: apply and confirm, or keep the order and say so. */
    @Override
    public List<Response> decided(
            Task task, Decision decision, String comment, String actor, Partner partner, Effects effects) {
        var context = TaskContext.of(task, TaskContext.CommitmentChange.class);
        String po = context.poNumber();
        PurchaseOrder order = purchaseOrders
                .lock(PurchaseOrderNumber.of(po))
                .orElseThrow(() -> new IllegalStateException("PO " + po + " of task " + task.id() + " is gone"));
        String lineNumber = context.lineNumber();
        PurchaseOrderLine line = order.line(lineNumber)
                .orElseThrow(() -> new IllegalStateException("line " + lineNumber + " of PO " + po + " is gone"));
        TaskContext.Proposed proposed = context.proposed();
        Proposal proposal = new Proposal(
                lineNumber, proposed.status(), proposed.quantity(), proposed.promisedDate(), proposed.unitPrice());
        Subject subject = Subject.purchaseOrder(po);
        MessageId message = context.messageId();
        String step = "task:" + task.id();
        if (decision == Decision.APPROVE) {
            apply(order, List.of(applied(line, proposal)), message, step + ":applied", effects);
            return List.of(confirmation(
                    partner,
                    order,
                    subject,
                    List.of(changedLine(line, proposal)),
                    "Line " + lineNumber + " accepted by " + actor + (comment == null ? "" : ": " + comment),
                    message,
                    step + ":accepted"));
        }
        String reason = "Line " + lineNumber + ": " + describe(proposal) + " not accepted"
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        return List.of(rejection(
                partner, order, subject, lineNumber, reason, context.documentType(), message, step + ":rejected"));
    }

    private void ask(
            Work work,
            PurchaseOrder order,
            PurchaseOrderLine line,
            Proposal proposal,
            List<PolicyDecision> decisions,
            Subject subject,
            Effects effects) {
        var context = new TaskContext.CommitmentChange(
                order.number().value(),
                line.lineNumber(),
                line.itemId(),
                work.documentType(),
                work.message().id(),
                new TaskContext.Ordered(line.quantity(), line.unitPrice(), line.needByDate()),
                new TaskContext.Proposed(
                        proposal.status(), proposal.quantity(), proposal.promisedDate(), proposal.unitPrice()),
                decisions.stream()
                        .filter(d -> !d.applies())
                        .map(PolicyDecision::details)
                        .toList());
        String why = decisions.stream()
                .filter(d -> !d.applies())
                .map(PolicyDecision::rationale)
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        effects.openTask(
                context,
                subject,
                work.partner().id(),
                "PO " + order.number() + " line " + line.lineNumber() + ": " + why,
                TaskOpening.approveOrReject(
                        proposal.rejected()
                                ? "accept the rejection: the line is cancelled and the supplier gets a PO change"
                                : "apply the supplier's proposal and confirm it with a PO change",
                        "keep the order as placed and tell the supplier it is not accepted"),
                work.eventId(),
                work.message().id(),
                work.step("task:" + line.lineNumber()));
    }

    /** A line's proposal accepted: what the line becomes. */
    private record Applied(PurchaseOrderLine line, LineCommitment commitment) {}

    private static Applied applied(PurchaseOrderLine line, Proposal proposal) {
        LineStatus status = proposal.rejected()
                ? LineStatus.REJECTED
                : proposal.backordered() ? LineStatus.BACKORDERED : LineStatus.CONFIRMED;
        BigDecimal quantity =
                proposal.rejected() ? null : proposal.quantity() == null ? line.quantity() : proposal.quantity();
        LocalDate date = proposal.rejected() ? null : proposal.promisedDate();
        return new Applied(line, new LineCommitment(line.lineNumber(), quantity, date, status));
    }

    /**
     * Records what the supplier committed to on the PO's lines, and tells the ERP in one document per message (a
     * supplier's acknowledgement of twenty lines is one write-back, not twenty).
     */
    private void apply(PurchaseOrder order, List<Applied> applied, MessageId message, String step, Effects effects) {
        if (applied.isEmpty()) {
            return;
        }
        effects.commit(order.number(), applied.stream().map(Applied::commitment).toList());
        var lines = new ArrayList<Map<String, Object>>();
        for (Applied a : applied) {
            LocalDate promised = a.commitment().date() == null
                    ? a.line().promisedDate()
                    : a.commitment().date();
            var line = new LinkedHashMap<String, Object>();
            line.put("lineNumber", a.line().lineNumber());
            line.put("itemId", a.line().itemId());
            line.put("status", a.commitment().status().name());
            line.put("promisedQuantity", a.commitment().quantity());
            line.put("promisedDate", promised == null ? null : promised.toString());
            lines.add(line);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("poNumber", order.number().value());
        data.put("lines", lines);
        effects.writeBack(Subject.purchaseOrder(order.number().value()), "commitment.applied", data, message, step);
    }

    private Response confirmation(
            Partner partner,
            PurchaseOrder order,
            Subject subject,
            List<OrderChanged.Line> lines,
            String summary,
            MessageId answers,
            String step) {
        var change = new OrderChanged(order.number().value(), order.orderDate(), today(), lines, null);
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", NOTICE_ACCEPTED);
        notice.put("poNumber", order.number().value());
        notice.put("lines", lines.stream().map(Commitments::noticeLine).toList());
        return new Response(partner.id(), subject, change, notice, summary, answers, step);
    }

    private Response rejection(
            Partner partner,
            PurchaseOrder order,
            Subject subject,
            String lineNumber,
            String reason,
            String documentType,
            MessageId answers,
            String step) {
        var advice = new ApplicationAdvised(
                Response.adviceNumber(step),
                today(),
                ApplicationAdvised.Outcome.REJECTED,
                "PO",
                order.number().value(),
                documentType != null && documentType.matches("\\d{3}") ? documentType : null,
                null,
                List.of(new ApplicationAdvised.Error("ZZZ", reason)));
        var notice = new LinkedHashMap<String, Object>();
        notice.put("type", NOTICE_REJECTED);
        notice.put("poNumber", order.number().value());
        notice.put("lineNumber", lineNumber);
        notice.put("reason", reason);
        return new Response(partner.id(), subject, advice, notice, reason, answers, step);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OrderChanged.Line changedLine(PurchaseOrderLine line, Proposal proposal) {
        if (proposal.rejected()) {
            return new OrderChanged.Line(
                    line.lineNumber(),
                    OrderChanged.Change.CANCELLED,
                    line.itemId(),
                    line.partnerItemId(),
                    null,
                    line.unit(),
                    null,
                    null);
        }
        BigDecimal quantity = proposal.quantity() == null ? line.quantity() : proposal.quantity();
        int compared = quantity.compareTo(line.quantity());
        OrderChanged.Change change = compared < 0
                ? OrderChanged.Change.QUANTITY_DECREASED
                : compared > 0 ? OrderChanged.Change.QUANTITY_INCREASED : OrderChanged.Change.CHANGED;
        return new OrderChanged.Line(
                line.lineNumber(),
                change,
                line.itemId(),
                line.partnerItemId(),
                quantity,
                line.unit(),
                proposal.unitPrice() == null ? line.unitPrice() : proposal.unitPrice(),
                proposal.promisedDate());
    }

    private static Map<String, Object> noticeLine(OrderChanged.Line line) {
        var map = new LinkedHashMap<String, Object>();
        map.put("lineNumber", line.lineNumber());
        map.put("change", line.change().name());
        map.put("quantity", line.quantity());
        map.put("unitPrice", line.unitPrice());
        map.put("promisedDate", line.date() == null ? null : line.date().toString());
        return map;
    }

    /**
     * Whether accepting the proposal changes the order, so the supplier gets it confirmed: another quantity or
     * price, or a date after the need-by date. A date before it is a commitment to the order as placed.
     */
    private static boolean changes(Proposal proposal, PurchaseOrderLine line) {
        return (proposal.quantity() != null && proposal.quantity().compareTo(line.quantity()) != 0)
                || (proposal.promisedDate() != null && proposal.promisedDate().isAfter(line.needByDate()))
                || (proposal.unitPrice() != null && proposal.unitPrice().compareTo(line.unitPrice()) != 0);
    }

    private static List<Proposal> proposals(EventData data) {
        var proposals = new ArrayList<Proposal>();
        if (data instanceof OrderAcknowledged ack) {
            for (OrderAcknowledged.Line l : ack.lines()) {
                proposals.add(new Proposal(l.lineNumber(), l.status(), l.quantity(), l.promisedDate(), l.unitPrice()));
            }
        } else if (data instanceof CommitmentUpdated update) {
            for (CommitmentUpdated.Line l : update.lines()) {
                proposals.add(new Proposal(l.lineNumber(), null, l.quantity(), l.promisedDate(), null));
            }
        }
        return proposals;
    }

    /** The proposal under our line number (partners write 010 for 10). */
    private static Proposal withLine(Proposal proposal, PurchaseOrderLine line) {
        return new Proposal(
                line.lineNumber(),
                proposal.status(),
                proposal.quantity(),
                proposal.promisedDate(),
                proposal.unitPrice());
    }

    private static String describe(Proposal proposal) {
        if (proposal.rejected()) {
            return "the rejection";
        }
        var parts = new ArrayList<String>();
        if (proposal.quantity() != null) {
            parts.add("quantity " + plain(proposal.quantity()));
        }
        if (proposal.promisedDate() != null) {
            parts.add("date " + proposal.promisedDate());
        }
        if (proposal.unitPrice() != null) {
            parts.add("price " + plain(proposal.unitPrice()));
        }
        if (proposal.backordered()) {
            parts.add("backorder");
        }
        return parts.isEmpty() ? "the change" : String.join(", ", parts);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
