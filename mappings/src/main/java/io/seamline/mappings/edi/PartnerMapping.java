package io.seamline.mappings.edi;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.mapping.ElementPath;
import io.seamline.mappings.edi.mapping.MappingOverrides;
import io.seamline.mappings.edi.mapping.SetOverrides;
import io.seamline.mappings.json.JsonDocuments;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.PartnerIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One partner's EDI mapping file: who it is ({@code partner}, optional {@code identifiers} so offline tools can
 * recognise its envelopes), which acknowledgement it wants, how unsupported sets are answered, and per set the
 * overrides of {@link SetOverrides}. Files live in {@code mappings/src/main/resources/edi/partners/} (shipped) or in
 * the directory {@code seamline.edi.partner-mappings} (added at run time, no code or rebuild needed).
 */
public record PartnerMapping(String partner, List<PartnerIdentifier> identifiers, EdiProfile profile) {

    public PartnerMapping {
        identifiers = List.copyOf(identifiers);
    }

    record Document(
            String partner,
            List<IdentifierDocument> identifiers,
            String acknowledgement,
            String unsupportedSets,
            Map<String, SetDocument> sets) {}

    record IdentifierDocument(IdentifierScheme scheme, String qualifier, String value) {}

    record SetDocument(
            String poNumber,
            String lineNumber,
            List<String> buyerItemQualifiers,
            List<String> partnerItemQualifiers,
            List<String> promisedDateQualifiers,
            Map<String, String> codes) {}

    public static Parsed<PartnerMapping> parse(byte[] json) {
        return JsonDocuments.one(json, Document.class).flatMap(PartnerMapping::validate);
    }

    /** True when {@code envelope}'s sender is one of this partner's identifiers. */
    public boolean sent(Envelope envelope) {
        for (PartnerIdentifier id : identifiers) {
            boolean scheme = envelope.standard() == Standard.X12
                    ? id.scheme() == IdentifierScheme.X12
                    : id.scheme() == IdentifierScheme.EDIFACT || id.scheme() == IdentifierScheme.GLN;
            boolean qualifier = id.qualifier().isEmpty() || id.qualifier().equals(nonNull(envelope.senderQualifier()));
            if (scheme && qualifier && id.value().equals(nonNull(envelope.senderId()))) {
                return true;
            }
        }
        return false;
    }

    private static Parsed<PartnerMapping> validate(Document doc) {
        var problems = new ArrayList<FieldProblem>();
        if (doc.partner() == null || doc.partner().isBlank()) {
            problems.add(new FieldProblem("partner", "is required"));
        }
        AckFormat ack = AckFormat.X997;
        if (doc.acknowledgement() != null) {
            switch (doc.acknowledgement().toLowerCase(Locale.ROOT)) {
                case "997" -> ack = AckFormat.X997;
                case "999" -> ack = AckFormat.X999;
                case "none" -> ack = AckFormat.NONE;
                default -> problems.add(new FieldProblem("acknowledgement", "must be 997, 999 or none"));
            }
        }
        boolean acceptUnsupported = false;
        if (doc.unsupportedSets() != null) {
            switch (doc.unsupportedSets().toLowerCase(Locale.ROOT)) {
                case "accept" -> acceptUnsupported = true;
                case "reject" -> acceptUnsupported = false;
                default -> problems.add(new FieldProblem("unsupportedSets", "must be accept or reject"));
            }
        }
        var identifiers = new ArrayList<PartnerIdentifier>();
        List<IdentifierDocument> ids = doc.identifiers() == null ? List.of() : doc.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            IdentifierDocument id = ids.get(i);
            if (id == null || id.scheme() == null || id.value() == null) {
                problems.add(new FieldProblem("identifiers[" + i + "]", "needs a scheme and a value"));
            } else {
                identifiers.add(new PartnerIdentifier(id.scheme(), id.qualifier(), id.value()));
            }
        }
        var sets = new LinkedHashMap<String, SetOverrides>();
        Map<String, SetDocument> docs = doc.sets() == null ? Map.of() : doc.sets();
        docs.forEach((setId, set) -> {
            String at = "sets." + setId;
            if (set == null) {
                problems.add(new FieldProblem(at, "is null"));
                return;
            }
            checkPath(problems, at + ".poNumber", set.poNumber(), false);
            checkPath(problems, at + ".lineNumber", set.lineNumber(), true);
            if (problems.isEmpty()) {
                sets.put(
                        setId,
                        new SetOverrides(
                                set.poNumber(),
                                set.lineNumber(),
                                set.buyerItemQualifiers(),
                                set.partnerItemQualifiers(),
                                set.promisedDateQualifiers(),
                                set.codes()));
            }
        });
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        return Parsed.valid(new PartnerMapping(
                doc.partner(), identifiers, new EdiProfile(ack, acceptUnsupported, new MappingOverrides(sets))));
    }

    private static void checkPath(List<FieldProblem> problems, String field, String path, boolean positionAllowed) {
        if (path == null || (positionAllowed && ElementPath.POSITION.equals(path))) {
            return;
        }
        if (!ElementPath.isPath(path)) {
            problems.add(new FieldProblem(field, "not an element path (such as BAK03 or REF02[REF01=PO]): " + path));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
