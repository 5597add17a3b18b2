package io.seamline.coordination.steps;

import java.util.Objects;

/** An event with what it was matched to. */
public record Correlated(Work work, Correlation correlation) {

    public Correlated {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(correlation, "correlation");
    }
}
