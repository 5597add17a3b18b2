package io.seamline.coordination.partners;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.persistence.MappingVersions;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.MappingVersion;
import io.seamline.model.partner.PartnerId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's EDI mapping managed at run time: published as a new version (validated before it is accepted, with an
 * author and a reason), in force on every node from its next message, rolled back as a new version equal to an old
 * one (version 0: the mapping file). Each publication is audited.
 */
@Service
public class MappingPublications {

    private final MappingVersions versions;
    private final PartnerMappings mappings;
    private final Partners partners;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MappingPublications(
            MappingVersions versions,
            PartnerMappings mappings,
            Partners partners,
            Audit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.versions = versions;
        this.mappings = mappings;
        this.partners = partners;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The outcome of a publication or a rollback. */
    public sealed interface Published {

        record Done(int version) implements Published {}

        record Unknown() implements Published {}

        record Refused(List<FieldProblem> problems) implements Published {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Reads and checks a mapping for this partner: a valid mapping file that names it. */
    public Parsed<PartnerMapping> check(PartnerId partner, byte[] json) {
        Parsed<PartnerMapping> parsed = PartnerMapping.parse(json);
        if (parsed instanceof Parsed.Valid<PartnerMapping> valid
                && !valid.value().partner().equals(partner.value())) {
            return Parsed.invalid(List.of(new FieldProblem(
                    "partner", "is " + valid.value().partner() + " but the mapping is published for " + partner)));
        }
        return parsed;
    }

    public Published publish(PartnerId partner, byte[] json, String reason, String actor) {
        if (!partners.exists(partner)) {
            return new Published.Unknown();
        }
        if (reason == null || reason.isBlank()) {
            return new Published.Refused(List.of(new FieldProblem("reason", "is required to publish a mapping")));
        }
        Parsed<PartnerMapping> parsed = check(partner, json);
        if (parsed instanceof Parsed.Invalid<PartnerMapping> invalid) {
            return new Published.Refused(invalid.problems());
        }
        String text = new String(json, StandardCharsets.UTF_8);
        return transactions.execute(tx -> {
            int before = versions.currentVersion(partner);
            int version = versions.publish(partner, text, actor, reason.trim(), clock.instant(), null, null);
            audit.record(
                    actor,
                    AuditKind.MAPPING_PUBLISHED,
                    partner,
                    "partner/" + partner + "/mapping",
                    Map.of("version", before),
                    Map.of(
                            "version",
                            version,
                            "mapping",
                            io.seamline.mappings.json.Json.mapper().valueToTree(readTree(text))),
                    reason.trim());
            return new Published.Done(version);
        });
    }

    /** Version {@code version} in force again, as a new version; 0 puts the mapping file back. */
    public Published rollback(PartnerId partner, int version, String reason, String actor) {
        if (!partners.exists(partner)) {
            return new Published.Unknown();
        }
        if (reason == null || reason.isBlank()) {
            return new Published.Refused(List.of(new FieldProblem("reason", "is required to roll a mapping back")));
        }
        Optional<String> mapping;
        if (version == 0) {
            mapping = Optional.empty();
        } else {
            Optional<MappingVersion> old = versions.find(partner, version);
            if (old.isEmpty()) {
                return new Published.Unknown();
            }
            mapping = Optional.ofNullable(old.get().mapping());
        }
        return transactions.execute(tx -> {
            int before = versions.currentVersion(partner);
            int next = versions.publish(
                    partner,
                    mapping.orElse(null),
                    actor,
                    "rolled back to version " + version + ": " + reason.trim(),
                    clock.instant(),
                    version,
                    null);
            audit.record(
                    actor,
                    AuditKind.MAPPING_PUBLISHED,
                    partner,
                    "partner/" + partner + "/mapping",
                    Map.of("version", before),
                    Map.of("version", next, "rolledBackTo", version),
                    reason.trim());
            return new Published.Done(next);
        });
    }

    /** The mapping in force: its version (0: the file), and the mapping itself when there is one. */
    public record InForce(int version, Optional<PartnerMapping> mapping, Optional<String> published) {}

    public InForce inForce(PartnerId partner) {
        return transactions.execute(tx -> {
            int version = versions.currentVersion(partner);
            Optional<String> json = version == 0
                    ? Optional.empty()
                    : versions.find(partner, version).map(MappingVersion::mapping);
            return new InForce(version, mappings.mappingOf(partner.value()), json);
        });
    }

    public List<MappingVersion> versions(PartnerId partner) {
        return versions.of(partner);
    }

    private static Object readTree(String json) {
        try {
            return io.seamline.mappings.json.Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
