package io.seamline.coordination.partners;

import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import java.util.List;

/** The outcome of onboarding a partner, or of changing its profile. */
public sealed interface Onboarding {

    record Onboarded(Partner partner) implements Onboarding {}

    /** The profile was replaced (an update). */
    record Updated(Partner partner) implements Onboarding {}

    /** No partner with this id (an update). */
    record Unknown() implements Onboarding {}

    /**
     * The profile is not valid: its policy or SLA profile names limits that do not exist or values that do not fit
     * them, or a channel points somewhere it may not (an internal address, a folder outside the data folders).
     */
    record ProfileInvalid(List<String> problems) implements Onboarding {
        public ProfileInvalid {
            problems = List.copyOf(problems);
        }
    }

    /** A partner with this id exists already. */
    record AlreadyOnboarded(Partner existing) implements Onboarding {}

    /** Another partner already goes by these identifiers; messages naming them would be ambiguous. */
    record IdentifiersTaken(List<PartnerIdentifier> identifiers) implements Onboarding {
        public IdentifiersTaken {
            identifiers = List.copyOf(identifiers);
        }
    }
}
