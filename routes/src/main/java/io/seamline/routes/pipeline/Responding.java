package io.seamline.routes.pipeline;

import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.steps.Decided;
import org.springframework.stereotype.Component;

/** The respond step: each answer a workflow decided on goes to the partner's channel. */
@Component
public class Responding {

    private final Responder responder;

    public Responding(Responder responder) {
        this.responder = responder;
    }

    public void respond(Decided decided) {
        decided.responses().forEach(responder::respond);
    }
}
