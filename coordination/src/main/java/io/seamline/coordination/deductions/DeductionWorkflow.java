package io.seamline.coordination.deductions;

import io.seamline.adapters.persistence.Deductions;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.coordination.workflow.DocumentWorkflow;
import io.seamline.coordination.workflow.Matching;
import io.seamline.model.Subject;
import io.seamline.model.event.DeductionDisputed;
import io.seamline.model.event.EventData;
import io.seamline.model.outbound.DeductionRaised;
import io.seamline.model.partner.Partner;
import io.seamline.model.payment.Deduction;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A deduction's life after it is proposed. Approved, it goes to the partner as a debit naming its number, reason and
 * evidence (812 for X12 partners, an INVOIC debit note 383 for EDIFACT ones, a notice or a mail for the others) and
 * to the ERP, which keeps the amount back; withdrawn, nobody hears of it. A partner's dispute of one of its own
 * deductions reopens it as a DEDUCTION_DISPUTE task; upheld, the partner is told it stands; rejected, the deduction
 * is reversed and the ERP told to pay it back.
 */
@Component
class DeductionWorkflow implements DocumentWorkflow {

    private final Deductions deductions;
    private final Clock clock;

    DeductionWorkflow(Deductions deductions, Clock clock) {
        this.deductions = deductions;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends EventData>> handles() {
        return Set.of(DeductionDisputed.class);
    }

    @Override
    public Set<TaskKind> taskKinds() {
        return Set.of(TaskKind.DEDUCTION, TaskKind.DEDUCTION_DISPUTE);
    }

    /** The sender's own deduction the dispute names; another partner's is as unknown as one that does not exist. */
    @Override
    public Correlation correlate(Work work) {
        var dispute = (DeductionDisputed) work.event().data();
        Optional<Deduction> deduction = deductions
                .byNumber(dispute.deductionNumber())
                .filter(d -> d.partnerId().equals(work.partner().id()));
        if (deduction.isEmpty()) {
            return Correlation.unmatched(
                    Matching.messageSubject(work),
                    new Unmatched(
                            "no deduction " + dispute.deductionNumber() + " of "
                                    + work.partner().id(),
                            List.of(),
                            List.of(),
                            null));
        }
        return new Correlation(Subject.parse(deduction.get().subject()), List.of(), Map.of(), null, null, null);
    }

    @Override
    public List<Response> run(Correlated correlated, Effects effects) {
        Work work = correlated.work();
        var dispute = (DeductionDisputed) work.event().data();
        Deduction deduction = deductions.byNumber(dispute.deductionNumber()).orElseThrow();
        Subject subject = correlated.correlation().subject();
        if (!effects.deductionDisputed(deduction.id(), dispute.reason())) {
            effects.note(
                    subject,
                    TimelineKind.EVENT,
                    work.partner().id() + " disputed deduction " + deduction.number() + ", which is "
                            + deduction.status() + ": nothing to reopen",
                    "partner:" + work.partner().id(),
                    Map.of("deduction", deduction.number()),
                    work.message().id(),
                    work.step("dispute"));
            return List.of();
        }
        effects.openTask(
                new TaskContext.DeductionDisputed(
                        deduction.id(),
                        deduction.number(),
                        deduction.amount(),
                        deduction.currency(),
                        dispute.reason(),
                        work.message().id()),
                subject,
                work.partner().id(),
                work.partner().id() + " disputes deduction " + deduction.number() + " of "
                        + deduction.amount().toPlainString() + " " + deduction.currency() + ": " + dispute.reason(),
                TaskOpening.approveOrReject(
                        "uphold it: the deduction stands, with its evidence", "reverse it: pay the amount back"),
                work.eventId(),
                work.message().id(),
                work.step("task"));
        return List.of();
    }

    @Override
    public List<Response> decided(
            Task task, Decision decision, String comment, String actor, Partner partner, Effects effects) {
        TaskContext context = TaskContext.of(task);
        if (context instanceof TaskContext.DeductionProposed proposed) {
            Deduction deduction = deductions.find(proposed.deductionId()).orElseThrow();
            if (decision != Decision.APPROVE) {
                effects.deductionStatus(deduction.id(), List.of(Deduction.Status.PROPOSED), Deduction.Status.WITHDRAWN);
                return List.of();
            }
            if (!effects.deductionStatus(
                    deduction.id(), List.of(Deduction.Status.PROPOSED), Deduction.Status.APPROVED)) {
                return List.of();
            }
            effects.writeBack(
                    task.subject(),
                    "deduction.approved",
                    facts(deduction),
                    null,
                    "deduction:" + deduction.id() + ":erp");
            return List.of(raised(deduction, task.subject()));
        }
        if (context instanceof TaskContext.DeductionDisputed disputed) {
            Deduction deduction = deductions.find(disputed.deductionId()).orElseThrow();
            boolean uphold = decision == Decision.APPROVE;
            effects.deductionStatus(
                    deduction.id(),
                    List.of(Deduction.Status.DISPUTED),
                    uphold ? Deduction.Status.UPHELD : Deduction.Status.REVERSED);
            if (!uphold) {
                effects.writeBack(
                        task.subject(),
                        "deduction.reversed",
                        facts(deduction),
                        disputed.messageId(),
                        "deduction:" + deduction.id() + ":reversed");
            }
            var notice = new LinkedHashMap<String, Object>();
            notice.put("type", uphold ? "deduction.upheld" : "deduction.reversed");
            notice.put("deductionNumber", deduction.number());
            notice.put("amount", deduction.amount());
            notice.put("currency", deduction.currency());
            if (comment != null && !comment.isBlank()) {
                notice.put("comment", comment);
            }
            return List.of(new Response(
                    deduction.partnerId(),
                    task.subject(),
                    null,
                    notice,
                    "Deduction " + deduction.number() + (uphold ? " stands" : " reversed: the amount is paid back"),
                    disputed.messageId(),
                    "deduction:" + deduction.id() + ":dispute-answer"));
        }
        return List.of();
    }

    /** The debit the partner receives: 812, an INVOIC debit note, or the notice with the same facts. */
    private Response raised(Deduction deduction, Subject subject) {
        String evidence = evidence(deduction);
        var notice = new LinkedHashMap<String, Object>(facts(deduction));
        notice.put("type", "deduction.raised");
        notice.put(
                "howToDispute",
                "POST /api/v1/deductions/" + deduction.number() + "/dispute {\"reason\"},"
                        + " the portal's Payments page, or a mail naming " + deduction.number());
        return new Response(
                deduction.partnerId(),
                subject,
                new DeductionRaised(
                        deduction.number(),
                        LocalDate.now(clock),
                        deduction.currency(),
                        deduction.amount(),
                        deduction.reasonCode(),
                        deduction.reason(),
                        subject.kind().equals(Subject.PURCHASE_ORDER) ? "PO" : "ZZ",
                        subject.key(),
                        evidence),
                notice,
                "Deduction " + deduction.number() + " of " + deduction.amount().toPlainString() + " "
                        + deduction.currency() + " sent to " + deduction.partnerId(),
                null,
                "deduction:" + deduction.id() + ":raised");
    }

    /** The evidence a debit names: the receipt, the ship notice, the SLA expectation's evidence pack. */
    static String evidence(Deduction deduction) {
        Object pack = deduction.evidence().get("evidencePack");
        if (pack != null) {
            return "evidence " + pack;
        }
        Object receipt = deduction.evidence().get("receiptId");
        return receipt != null ? "receipt " + receipt : "deduction " + deduction.number();
    }

    private static Map<String, Object> facts(Deduction deduction) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("deductionNumber", deduction.number());
        facts.put("partnerId", deduction.partnerId().value());
        facts.put("subject", deduction.subject());
        facts.put("reasonCode", deduction.reasonCode());
        facts.put("reason", deduction.reason());
        facts.put("amount", deduction.amount());
        facts.put("currency", deduction.currency());
        facts.put("evidence", deduction.evidence());
        return facts;
    }

    @Override
    public String describe(EventData data) {
        var dispute = (DeductionDisputed) data;
        return "Dispute of deduction " + dispute.deductionNumber() + ": " + dispute.reason();
    }

    @Override
    public boolean countsForAutonomy() {
        return false;
    }
}
