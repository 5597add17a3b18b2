package io.seamline.coordination.workflow;

import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Unmatched;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.tasks.TaskContext;
import io.seamline.coordination.tasks.TaskOpening;
import io.seamline.model.Subject;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Runs each matched event's workflow — its document kind's ({@link DocumentWorkflows}) — through the effects port;
 * an event that matched nothing waits for a person as an UNMATCHED_MESSAGE task. Continues a workflow from a person's
 * decision on one of its tasks.
 */
@Service
public class Coordinator {

    private final DocumentWorkflows workflows;
    private final Partners partners;

    public Coordinator(DocumentWorkflows workflows, Partners partners) {
        this.workflows = workflows;
        this.partners = partners;
    }

    public Decided coordinate(Correlated correlated, Effects effects) {
        if (!correlated.correlation().matched()) {
            unmatched(
                    correlated.work(),
                    correlated.correlation().subject(),
                    correlated.correlation().unmatched(),
                    "task:unmatched",
                    effects);
            return new Decided(correlated, List.of());
        }
        List<Response> responses =
                workflows.of(correlated.work().event().data()).run(correlated, effects);
        return new Decided(correlated, responses);
    }

    /** Continues a workflow from a person's decision; what the partner hears back is returned. */
    public List<Response> decided(Task task, Decision decision, String comment, String actor, Effects effects) {
        Partner partner = task.partnerId() == null
                ? null
                : partners.find(task.partnerId()).orElse(null);
        return workflows
                .deciding(task.kind())
                .map(workflow -> workflow.decided(task, decision, comment, actor, partner, effects))
                .orElse(List.of());
    }

    /** Opens the UNMATCHED_MESSAGE task of an event that matched nothing, with the ranked candidates. */
    void unmatched(Work work, Subject subject, Unmatched unmatched, String step, Effects effects) {
        Unmatched.Assignable assignable = unmatched.assignable();
        var context = new TaskContext.UnmatchedEvent(
                unmatched.reason(),
                unmatched.missingPoNumbers(),
                unmatched.candidates(),
                work.eventId(),
                work.message().id(),
                work.documentType(),
                assignable == null ? null : new TaskContext.Assign(assignable.shipment(), assignable.role()));
        effects.openTask(
                context,
                subject,
                work.partner().id(),
                work.documentType() + " from " + work.partner().id() + ": " + unmatched.reason(),
                TaskOpening.approveOrReject(
                        assignable == null
                                ? "match it again now (after fixing the reference data)"
                                : "make " + work.partner().id() + " the "
                                        + (assignable.role() == PartnerRole.BROKER ? "customs broker" : "carrier")
                                        + " of shipment " + assignable.shipment() + " and process the document",
                        "tell the partner the document matches nothing of ours"),
                work.eventId(),
                work.message().id(),
                work.step(step));
    }
}
