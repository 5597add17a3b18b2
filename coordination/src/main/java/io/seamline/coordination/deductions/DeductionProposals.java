package io.seamline.coordination.deductions;

import io.seamline.adapters.persistence.Deductions;
import io.seamline.coordination.effects.Deducting;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.model.payment.Deduction;
import java.math.RoundingMode;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Proposes a deduction: recorded once per cause (its step), and put to a person as a DEDUCTION task with the evidence
 * it rests on. Nothing reaches the partner until a person approves it.
 */
@Service
public class DeductionProposals implements Deducting {

    private final Deductions deductions;
    private final TaskOpening tasks;

    public DeductionProposals(Deductions deductions, TaskOpening tasks) {
        this.deductions = deductions;
        this.tasks = tasks;
    }

    @Override
    public void propose(Cause cause) {
        proposed(cause);
    }

    /** Proposes the deduction (once per cause) and returns it. */
    public Deduction proposed(Cause cause) {
        UUID id = UUID.randomUUID();
        Deduction deduction = deductions.propose(
                new Deduction(
                        id,
                        Deductions.number(id),
                        cause.partner(),
                        cause.subject().toString(),
                        cause.reasonCode(),
                        cause.reason(),
                        cause.amount().setScale(2, RoundingMode.HALF_UP),
                        cause.currency(),
                        Deduction.Status.PROPOSED,
                        cause.evidence(),
                        null,
                        null,
                        null,
                        null),
                "deduction:" + cause.step());
        tasks.open(
                new TaskContext.DeductionProposed(
                        deduction.id(),
                        deduction.number(),
                        deduction.reasonCode(),
                        deduction.amount(),
                        deduction.currency(),
                        deduction.evidence()),
                cause.subject(),
                cause.partner(),
                "Deduction " + deduction.number() + " of " + deduction.amount().toPlainString() + " "
                        + deduction.currency() + " from " + cause.partner() + ": " + cause.reason(),
                TaskOpening.approveOrReject(
                        "take it: send " + cause.partner() + " the debit with its evidence", "withdraw it"),
                null,
                cause.message(),
                "deduction:" + cause.step() + ":task");
        return deduction;
    }
}
