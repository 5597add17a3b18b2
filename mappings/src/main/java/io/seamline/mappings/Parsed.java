package io.seamline.mappings;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The outcome of reading a partner or ERP document: the value, or every problem found in it. */
public sealed interface Parsed<T> {

    record Valid<T>(T value) implements Parsed<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(List<FieldProblem> problems) implements Parsed<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid document names at least one problem");
            }
        }
    }

    /** The same outcome with the valid value transformed. */
    default <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Valid<T> valid) {
            return new Valid<>(f.apply(valid.value()));
        }
        return new Invalid<>(((Invalid<T>) this).problems());
    }

    /** Continues with the valid value; problems pass through unchanged. */
    default <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> f) {
        if (this instanceof Valid<T> valid) {
            return f.apply(valid.value());
        }
        return new Invalid<>(((Invalid<T>) this).problems());
    }

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(List<FieldProblem> problems) {
        return new Invalid<>(problems);
    }

    static <T> Parsed<T> invalid(String location, String message) {
        return new Invalid<>(List.of(new FieldProblem(location, message)));
    }
}
