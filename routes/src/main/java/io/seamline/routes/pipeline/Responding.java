package io.seamline.routes.pipeline;

import io.seamline.coordination.lifecycle.TestRuns;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Work;
import org.springframework.stereotype.Component;

/**
 * The respond step: each answer a workflow decided on goes to the partner's channel; a test event's answers are kept
 * with its test run (what the partner would have been told), and none is sent.
 */
@Component
public class Responding {

    private final Responder responder;
    private final TestRuns tests;

    public Responding(Responder responder, TestRuns tests) {
        this.responder = responder;
        this.tests = tests;
    }

    public void respond(Decided decided) {
        Work work = decided.correlated().work();
        if (work.test()) {
            decided.responses().forEach(response -> tests.answered(work, response));
        } else {
            decided.responses().forEach(responder::respond);
        }
    }
}
