package io.seamline.model.partner;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose data a query may return. Internal callers see every partner's objects; a partner's caller only its own.
 * Every repository query over partner-visible data takes a scope, so isolation is decided in one place.
 */
public sealed interface PartnerScope {

    /** Internal teams: no partner filter. */
    record Everyone() implements PartnerScope {}

    /** One partner's users and systems. */
    record Only(PartnerId partner) implements PartnerScope {
        public Only {
            Objects.requireNonNull(partner, "partner");
        }
    }

    static PartnerScope everyone() {
        return new Everyone();
    }

    static PartnerScope only(PartnerId partner) {
        return new Only(partner);
    }

    /** The partner to filter by, or empty for internal callers. */
    default Optional<PartnerId> restrictedTo() {
        return this instanceof Only only ? Optional.of(only.partner()) : Optional.empty();
    }

    /** True when an object owned by {@code owner} is visible in this scope. */
    default boolean sees(PartnerId owner) {
        return restrictedTo().map(p -> p.equals(owner)).orElse(true);
    }
}
