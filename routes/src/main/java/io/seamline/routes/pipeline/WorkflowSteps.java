package io.seamline.routes.pipeline;

import io.seamline.coordination.effects.Effects;
import io.seamline.coordination.effects.ProductionEffects;
import io.seamline.coordination.lifecycle.TestRuns;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.workflow.Coordinator;
import io.seamline.coordination.workflow.Correlator;
import org.springframework.stereotype.Component;

/**
 * The coordination steps of one event, as the pipeline's route calls them: correlate, then decide, each through the
 * effects port of the event's traffic: production's, which applies every effect, or for a test event the recording
 * side, which keeps what would have happened with the message's test run.
 */
@Component
public class WorkflowSteps {

    private final Correlator correlator;
    private final Coordinator coordinator;
    private final ProductionEffects production;
    private final TestRuns tests;

    public WorkflowSteps(Correlator correlator, Coordinator coordinator, ProductionEffects production, TestRuns tests) {
        this.correlator = correlator;
        this.coordinator = coordinator;
        this.production = production;
        this.tests = tests;
    }

    /** What the event is about, inside its sender's relationship. */
    public Correlated correlate(Work work) {
        Correlated correlated = correlator.correlate(work, effectsOf(work));
        if (work.test()) {
            tests.correlated(work, correlated.correlation());
        }
        return correlated;
    }

    /** The event's workflow: decisions, changes, tasks and expectations; returns what the partner hears back. */
    public Decided decide(Correlated correlated) {
        return coordinator.coordinate(correlated, effectsOf(correlated.work()));
    }

    private Effects effectsOf(Work work) {
        return work.test() ? tests.effectsOf(work) : production;
    }
}
