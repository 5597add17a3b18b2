package io.seamline.routes.partners;

import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerIdentifier;
import java.util.List;

/** The outcome of onboarding a partner. */
public sealed interface Onboarding {

    record Onboarded(Partner partner) implements Onboarding {}

    /** A partner with this id exists already. */
    record AlreadyOnboarded(Partner existing) implements Onboarding {}

    /** Another partner already goes by these identifiers; messages naming them would be ambiguous. */
    record IdentifiersTaken(List<PartnerIdentifier> identifiers) implements Onboarding {
        public IdentifiersTaken {
            identifiers = List.copyOf(identifiers);
        }
    }
}
