package io.seamline.coordination.lifecycle;

import java.util.Objects;

/**
 * How one document of a partner is handled: as production traffic, as test traffic (the real pipeline with the
 * recording side of the effects port), or refused; with the reason in words for the partner and our people.
 */
public record Traffic(Kind kind, String reason) {

    public enum Kind {
        PRODUCTION,
        TEST,
        REFUSED
    }

    public Traffic {
        Objects.requireNonNull(kind, "kind");
    }

    public static Traffic production() {
        return new Traffic(Kind.PRODUCTION, null);
    }

    public static Traffic test(String reason) {
        return new Traffic(Kind.TEST, reason);
    }

    public static Traffic refused(String reason) {
        return new Traffic(Kind.REFUSED, reason);
    }

    public boolean test() {
        return kind == Kind.TEST;
    }

    public boolean refused() {
        return kind == Kind.REFUSED;
    }
}
