package io.seamline.coordination.partners;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.email.EmailTemplates;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PublishedVersions;
import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.mappings.email.EmailTemplate;
import io.seamline.mappings.json.Json;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.MappingVersion;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PublishedKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's EDI mapping and e-mail template managed at run time: published as a new version (checked before it is
 * accepted, with an author and a reason), in force on every node from its next message, rolled back as a new version
 * equal to an old one (version 0: the file again). Each publication is audited with what was in force before.
 */
@Service
public class Publications {

    private final PublishedVersions versions;
    private final PartnerMappings mappings;
    private final EmailTemplates templates;
    private final Partners partners;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Publications(
            PublishedVersions versions,
            PartnerMappings mappings,
            EmailTemplates templates,
            Partners partners,
            Audit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.versions = versions;
        this.mappings = mappings;
        this.templates = templates;
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
    public Parsed<PartnerMapping> checkMapping(PartnerId partner, byte[] json) {
        Parsed<PartnerMapping> parsed = PartnerMapping.parse(json);
        if (parsed instanceof Parsed.Valid<PartnerMapping> valid
                && !valid.value().partner().equals(partner.value())) {
            return Parsed.invalid(List.of(new FieldProblem(
                    "partner", "is " + valid.value().partner() + " but the mapping is published for " + partner)));
        }
        return parsed;
    }

    /** Reads and checks an e-mail template for this partner. */
    public Parsed<EmailTemplate> checkTemplate(PartnerId partner, byte[] json) {
        Parsed<EmailTemplate> parsed = EmailTemplate.parse(json);
        if (parsed instanceof Parsed.Valid<EmailTemplate> valid
                && !valid.value().partner().equals(partner.value())) {
            return Parsed.invalid(List.of(new FieldProblem(
                    "partner", "is " + valid.value().partner() + " but the template is published for " + partner)));
        }
        return parsed;
    }

    public Published publish(PartnerId partner, PublishedKind kind, byte[] json, String reason, String actor) {
        if (!partners.exists(partner)) {
            return new Published.Unknown();
        }
        if (reason == null || reason.isBlank()) {
            return new Published.Refused(List.of(new FieldProblem("reason", "is required to publish")));
        }
        List<FieldProblem> problems = kind == PublishedKind.MAPPING
                ? problems(checkMapping(partner, json))
                : problems(checkTemplate(partner, json));
        if (!problems.isEmpty()) {
            return new Published.Refused(problems);
        }
        String text = new String(json, StandardCharsets.UTF_8);
        return transactions.execute(tx -> {
            var before = inForceNow(partner, kind);
            int version = versions.publish(partner, kind, text, actor, reason.trim(), clock.instant(), null, null);
            var after = new LinkedHashMap<String, Object>();
            after.put("version", version);
            after.put("document", tree(text));
            audit.record(actor, audited(kind), partner, subject(partner, kind), before, after, reason.trim());
            return new Published.Done(version);
        });
    }

    /** Version {@code version} in force again, as a new version; 0 puts the file back. */
    public Published rollback(PartnerId partner, PublishedKind kind, int version, String reason, String actor) {
        if (!partners.exists(partner)) {
            return new Published.Unknown();
        }
        if (reason == null || reason.isBlank()) {
            return new Published.Refused(List.of(new FieldProblem("reason", "is required to roll back")));
        }
        Optional<String> document;
        if (version == 0) {
            document = Optional.empty();
        } else {
            Optional<MappingVersion> old = versions.find(partner, kind, version);
            if (old.isEmpty()) {
                return new Published.Unknown();
            }
            document = Optional.ofNullable(old.get().mapping());
        }
        return transactions.execute(tx -> {
            var before = inForceNow(partner, kind);
            int next = versions.publish(
                    partner,
                    kind,
                    document.orElse(null),
                    actor,
                    "rolled back to version " + version + ": " + reason.trim(),
                    clock.instant(),
                    version,
                    null);
            var after = new LinkedHashMap<String, Object>();
            after.put("version", document.isPresent() ? next : 0);
            after.put("rolledBackTo", version);
            document.ifPresent(d -> after.put("document", tree(d)));
            audit.record(actor, audited(kind), partner, subject(partner, kind), before, after, reason.trim());
            return new Published.Done(next);
        });
    }

    /** What is in force: the published version (0: the file or the standard) and its document when published. */
    public record InForce(int version, boolean file, Optional<String> published) {}

    public InForce inForce(PartnerId partner, PublishedKind kind) {
        return transactions.execute(tx -> {
            int version = versions.currentVersion(partner, kind);
            Optional<String> json = version == 0
                    ? Optional.empty()
                    : versions.find(partner, kind, version).map(MappingVersion::mapping);
            boolean file = kind == PublishedKind.MAPPING
                    ? mappings.fileOf(partner.value()).isPresent()
                    : templates.fileOf(partner.value()).isPresent();
            return new InForce(version, file, json);
        });
    }

    public List<MappingVersion> versions(PartnerId partner, PublishedKind kind) {
        return versions.of(partner, kind);
    }

    private java.util.Map<String, Object> inForceNow(PartnerId partner, PublishedKind kind) {
        int version = versions.currentVersion(partner, kind);
        var before = new LinkedHashMap<String, Object>();
        before.put("version", version);
        if (version > 0) {
            versions.find(partner, kind, version)
                    .map(MappingVersion::mapping)
                    .ifPresent(d -> before.put("document", tree(d)));
        }
        return before;
    }

    private static List<FieldProblem> problems(Parsed<?> parsed) {
        return parsed instanceof Parsed.Invalid<?> invalid ? invalid.problems() : List.of();
    }

    private static AuditKind audited(PublishedKind kind) {
        return kind == PublishedKind.MAPPING ? AuditKind.MAPPING_PUBLISHED : AuditKind.TEMPLATE_PUBLISHED;
    }

    private static String subject(PartnerId partner, PublishedKind kind) {
        return "partner/" + partner + "/" + (kind == PublishedKind.MAPPING ? "mapping" : "template");
    }

    private static Object tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
