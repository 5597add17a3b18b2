package io.seamline.mappings;

import java.util.Objects;

/**
 * One thing wrong with an inbound document, and where: a field path such as {@code lines[1].quantity} for JSON,
 * {@code row 3, column quantity} for CSV.
 */
public record FieldProblem(String location, String message) {

    public FieldProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
