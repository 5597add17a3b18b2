package io.seamline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers for reading documents and looking at the outcome. */
public final class Documents {

    private Documents() {}

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static <T> T valid(Parsed<T> parsed) {
        assertThat(parsed).as("expected a valid document").isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<T>) parsed).value();
    }

    public static List<FieldProblem> problems(Parsed<?> parsed) {
        assertThat(parsed).as("expected problems").isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed).problems();
    }
}
