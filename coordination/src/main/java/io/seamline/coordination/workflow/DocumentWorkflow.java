package io.seamline.coordination.workflow;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Correlation;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.model.event.EventData;
import io.seamline.model.partner.Partner;
import io.seamline.model.task.Decision;
import io.seamline.model.task.Task;
import io.seamline.model.task.TaskKind;
import java.util.List;
import java.util.Set;

/**
 * How one kind of partner document is handled, in one place: what it is about (correlated inside the sender's
 * relationship), what is decided and done (through the {@link Effects} port), what the partner hears back, which SLA
 * expectations it meets and opens, and how it continues from a person's decision on a task it opened. Each kind has a
 * folder of its own ({@code commitments}, {@code shipnotices}, …) and one implementation, which {@link
 * DocumentWorkflows} finds by the event's type.
 */
public interface DocumentWorkflow {

    /** The canonical events of this kind. */
    Set<Class<? extends EventData>> handles();

    /** What the event is about: the subject, POs, lines, shipment or message of ours it names, or why nothing. */
    Correlation correlate(Work work);

    /**
     * Runs the workflow of a matched event: decides, changes and records through {@code effects}, meets and opens its
     * expectations; returns what the partner hears back (sent by the pipeline's respond step).
     */
    List<Response> run(Correlated correlated, Effects effects);

    /** The task kinds this workflow asks people about. */
    default Set<TaskKind> taskKinds() {
        return Set.of();
    }

    /** Continues from a person's decision on one of its tasks; returns what the partner hears back. */
    default List<Response> decided(
            Task task, Decision decision, String comment, String actor, Partner partner, Effects effects) {
        return List.of();
    }

    /** One line that says what the event says, for timelines, task summaries and replies. */
    String describe(EventData data);

    /** Whether the event is business work whose workflow counts for the autonomy rate (acknowledgements are not). */
    default boolean countsForAutonomy() {
        return true;
    }
}
