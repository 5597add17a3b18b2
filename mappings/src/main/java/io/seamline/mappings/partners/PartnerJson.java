package io.seamline.mappings.partners;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.JsonDocuments;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.LifecycleTerms;
import io.seamline.model.partner.NotLiveTraffic;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a partner profile for onboarding: {@code id}, {@code name}, {@code role}, {@code identifiers},
 * {@code channels}, {@code sla} and {@code policy} overrides (scalar values, kept as text).
 */
public final class PartnerJson {

    private PartnerJson() {}

    record PartnerDocument(
            String id,
            String name,
            PartnerRole role,
            List<IdentifierDocument> identifiers,
            List<ChannelDocument> channels,
            Map<String, Object> sla,
            Map<String, Object> policy,
            LifecycleState state,
            String stateReason,
            NotLiveTraffic notLive,
            Map<String, List<String>> checklists,
            String reason,
            java.util.UUID replayId) {}

    /**
     * A profile posted for onboarding or a change: the partner, what it says of the partner's lifecycle, and why it
     * is changed ({@code reason}, required to change a policy or SLA profile).
     */
    public record Profile(Partner partner, LifecycleTerms lifecycle, String reason, java.util.UUID replayId) {}

    record IdentifierDocument(IdentifierScheme scheme, String qualifier, String value) {}

    record ChannelDocument(ChannelKind kind, String address, Map<String, Object> settings) {}

    public static Parsed<Partner> read(byte[] json) {
        return readProfile(json).map(Profile::partner);
    }

    /**
     * Reads a profile with its lifecycle terms: {@code state} ({@code LIVE} with a {@code stateReason} for a partner
     * moved from another gateway, else {@code TESTING}), {@code notLive} ({@code TEST} or {@code REFUSE}) and
     * {@code checklists}.
     */
    public static Parsed<Profile> readProfile(byte[] json) {
        return JsonDocuments.one(json, PartnerDocument.class).flatMap(PartnerJson::validate);
    }

    private static Parsed<Profile> validate(PartnerDocument doc) {
        var problems = new ArrayList<FieldProblem>();
        if (doc.id() == null || doc.id().isBlank()) {
            problems.add(new FieldProblem("id", "is required"));
        } else if (!PartnerId.isValid(doc.id())) {
            problems.add(
                    new FieldProblem("id", "must be 2 to 63 lower-case letters, digits or '-', such as acme-supply"));
        }
        if (doc.name() == null || doc.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        }
        if (doc.role() == null) {
            problems.add(new FieldProblem("role", "is required: one of " + List.of(PartnerRole.values())));
        }
        var identifiers = identifiers(doc.identifiers(), problems);
        var channels = channels(doc.channels(), problems);
        var sla = scalars("sla", doc.sla(), problems);
        var policy = scalars("policy", doc.policy(), problems);
        if (doc.state() != null && doc.state() != LifecycleState.LIVE && doc.state() != LifecycleState.TESTING) {
            problems.add(new FieldProblem("state", "is LIVE (with a stateReason) or TESTING (the default)"));
        }
        if (doc.state() == LifecycleState.LIVE
                && (doc.stateReason() == null || doc.stateReason().isBlank())) {
            problems.add(new FieldProblem(
                    "stateReason", "is required to onboard a partner LIVE: say why it needs no testing here"));
        }
        var checklists = new LinkedHashMap<String, List<String>>();
        if (doc.checklists() != null) {
            doc.checklists().forEach((type, names) -> {
                if (type.isBlank() || names == null || names.isEmpty() || names.contains(null)) {
                    problems.add(new FieldProblem("checklists." + type, "must list scenario names"));
                } else {
                    checklists.put(type, List.copyOf(names));
                }
            });
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        var partner =
                new Partner(PartnerId.of(doc.id()), doc.name().trim(), doc.role(), identifiers, channels, sla, policy);
        String reason = doc.stateReason() == null ? null : doc.stateReason().trim();
        return Parsed.valid(new Profile(
                partner,
                new LifecycleTerms(doc.state(), reason, doc.notLive(), checklists),
                doc.reason() == null || doc.reason().isBlank()
                        ? null
                        : doc.reason().trim(),
                doc.replayId()));
    }

    private static List<PartnerIdentifier> identifiers(List<IdentifierDocument> docs, List<FieldProblem> problems) {
        var identifiers = new ArrayList<PartnerIdentifier>();
        var seen = new HashSet<PartnerIdentifier>();
        List<IdentifierDocument> list = docs == null ? List.of() : docs;
        for (int i = 0; i < list.size(); i++) {
            String at = "identifiers[" + i + "]";
            IdentifierDocument doc = list.get(i);
            if (doc == null || doc.scheme() == null) {
                problems.add(
                        new FieldProblem(at + ".scheme", "is required: one of " + List.of(IdentifierScheme.values())));
                continue;
            }
            if (doc.value() == null || doc.value().isBlank()) {
                problems.add(new FieldProblem(at + ".value", "is required"));
                continue;
            }
            String problem = IdentifierRules.check(
                    doc.scheme(), doc.qualifier(), doc.value().trim());
            if (problem != null) {
                problems.add(
                        new FieldProblem(at + (problem.startsWith("qualifier") ? ".qualifier" : ".value"), problem));
                continue;
            }
            var identifier = new PartnerIdentifier(doc.scheme(), doc.qualifier(), doc.value());
            if (!seen.add(identifier)) {
                problems.add(new FieldProblem(at, "is listed twice: " + identifier));
            }
            identifiers.add(identifier);
        }
        return identifiers;
    }

    private static List<ChannelProfile> channels(List<ChannelDocument> docs, List<FieldProblem> problems) {
        var channels = new ArrayList<ChannelProfile>();
        List<ChannelDocument> list = docs == null ? List.of() : docs;
        for (int i = 0; i < list.size(); i++) {
            String at = "channels[" + i + "]";
            ChannelDocument doc = list.get(i);
            if (doc == null || doc.kind() == null) {
                problems.add(new FieldProblem(at + ".kind", "is required: one of " + List.of(ChannelKind.values())));
                continue;
            }
            String address = doc.address() == null ? "" : doc.address().trim();
            String problem = addressProblem(doc.kind(), address);
            if (problem != null) {
                problems.add(new FieldProblem(at + ".address", problem));
            }
            channels.add(new ChannelProfile(doc.kind(), address, scalars(at + ".settings", doc.settings(), problems)));
        }
        return channels;
    }

    private static String addressProblem(ChannelKind kind, String address) {
        switch (kind) {
            case PORTAL:
                return null;
            case EMAIL:
                return address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : "an e-mail address is required";
            case AS2:
            case HTTP:
            case WEBHOOK:
                return isHttpUrl(address) ? null : "an http(s) URL is required";
            default:
                return address.isEmpty() ? "a folder or sftp:// address is required" : null;
        }
    }

    private static boolean isHttpUrl(String address) {
        try {
            URI uri = URI.create(address);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> scalars(String field, Map<String, Object> values, List<FieldProblem> problems) {
        var strings = new LinkedHashMap<String, String>();
        if (values == null) {
            return strings;
        }
        values.forEach((key, value) -> {
            if (value == null || value instanceof Map || value instanceof List) {
                problems.add(new FieldProblem(field + "." + key, "must be a text, number or boolean"));
            } else {
                strings.put(key, value.toString());
            }
        });
        return strings;
    }
}
