package io.seamline.coordination.steps;

import java.util.List;
import java.util.Objects;

/** An event after coordination: what it was matched to and the answers the partner gets. */
public record Decided(Correlated correlated, List<Response> responses) {

    public Decided {
        Objects.requireNonNull(correlated, "correlated");
        responses = List.copyOf(responses);
    }
}
