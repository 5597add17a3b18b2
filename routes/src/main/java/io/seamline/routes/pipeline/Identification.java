package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Partners;
import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.Standard;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import java.util.Optional;

/**
 * Who sent an interchange: X12 by ISA05/ISA06; EDIFACT by the UNB sender id and qualifier, a GLN (qualifier 14)
 * also by the partner's GLN identifier, an id without qualifier by the EDIFACT identifier without one.
 */
final class Identification {

    private Identification() {}

    static Optional<PartnerId> sender(Envelope envelope, Partners partners) {
        String id = envelope.senderId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String qualifier = envelope.senderQualifier() == null ? "" : envelope.senderQualifier();
        if (envelope.standard() == Standard.X12) {
            return partners.identify(new PartnerIdentifier(IdentifierScheme.X12, qualifier, id));
        }
        Optional<PartnerId> found = partners.identify(new PartnerIdentifier(IdentifierScheme.EDIFACT, qualifier, id));
        if (found.isEmpty() && "14".equals(qualifier) && id.matches("\\d{13}")) {
            found = partners.identify(PartnerIdentifier.of(IdentifierScheme.GLN, id));
        }
        if (found.isEmpty() && !qualifier.isEmpty()) {
            found = partners.identify(new PartnerIdentifier(IdentifierScheme.EDIFACT, "", id));
        }
        return found;
    }

    static String describe(Envelope envelope) {
        String qualifier = envelope.senderQualifier();
        return envelope.standard() + " "
                + (qualifier == null || qualifier.isBlank() ? "" : qualifier.trim() + ":")
                + (envelope.senderId() == null ? "?" : envelope.senderId().trim());
    }
}
