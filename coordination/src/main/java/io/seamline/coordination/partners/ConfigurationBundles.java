package io.seamline.coordination.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.adapters.persistence.PartnerLifecycles;
import io.seamline.coordination.audit.Audit;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.Json;
import io.seamline.mappings.partners.PartnerJson;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Configuration as code: every partner's current configuration as one bundle (profiles in the onboarding shape,
 * secrets masked, with their not-LIVE terms and checklists), and a bundle imported into another installation — first
 * as a dry run that shows what would change against what runs, then as one audited change applied whole or not at
 * all. A partner the bundle does not name is left as it is; a new partner starts TESTING (go-live stays a decision in
 * each installation), and a masked secret keeps the value the installation has.
 */
@Service
public class ConfigurationBundles {

    /** The bundle format this installation writes and reads. */
    public static final String FORMAT = "seamline-configuration/1";

    private final PartnerDirectory directory;
    private final PartnerLifecycles lifecycles;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ConfigurationBundles(
            PartnerDirectory directory,
            PartnerLifecycles lifecycles,
            Audit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.directory = directory;
        this.lifecycles = lifecycles;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every partner's configuration as it runs now. */
    public ObjectNode export() {
        ObjectNode bundle = Json.mapper().createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("exportedAt", clock.instant().toString());
        ArrayNode partners = bundle.putArray("partners");
        for (Partner partner : directory.list(PartnerScope.everyone())) {
            ObjectNode entry = Json.mapper().valueToTree(masked(partner));
            lifecycles.terms(partner.id()).ifPresent(terms -> {
                entry.put("notLive", terms.notLive().name());
                if (!terms.checklists().isEmpty()) {
                    entry.set("checklists", Json.mapper().valueToTree(terms.checklists()));
                }
            });
            entry.put("version", directory.currentVersion(partner.id()));
            partners.add(entry);
        }
        return bundle;
    }

    /** What importing a bundle does to one partner: new, changed (field by field) or unchanged. */
    public record Planned(String partnerId, String action, List<ProfileDiff.Change> changes) {}

    /** A bundle's plan, or why it cannot be imported. */
    public sealed interface Plan {

        record Ready(List<Planned> partners, List<String> notInBundle) implements Plan {}

        record Refused(List<String> problems) implements Plan {}
    }

    /** The dry run: what importing the bundle would change against what runs. */
    public Plan plan(JsonNode bundle) {
        Read read = read(bundle);
        if (!read.problems().isEmpty()) {
            return new Plan.Refused(read.problems());
        }
        var planned = new ArrayList<Planned>();
        var problems = new ArrayList<String>();
        var named = new java.util.HashSet<String>();
        for (PartnerJson.Profile profile : read.profiles()) {
            Partner partner = profile.partner();
            named.add(partner.id().value());
            Optional<Partner> current = directory.find(partner.id(), PartnerScope.everyone());
            if (current.isEmpty()) {
                for (ChannelProfile channel : partner.channels()) {
                    channel.settings().forEach((name, value) -> {
                        if (ChannelProfile.MASK.equals(value)) {
                            problems.add(partner.id() + ": channel " + channel.kind() + " " + name
                                    + " is masked, and a new partner's secret cannot be: give it in the bundle");
                        }
                    });
                }
                planned.add(
                        new Planned(partner.id().value(), "NEW", ProfileDiff.between(empty(partner), masked(partner))));
                continue;
            }
            Partner merged = PartnerDirectory.keepingSecrets(partner, current.get());
            List<ProfileDiff.Change> changes = ProfileDiff.between(masked(current.get()), masked(merged));
            planned.add(new Planned(partner.id().value(), changes.isEmpty() ? "UNCHANGED" : "CHANGED", changes));
        }
        if (!problems.isEmpty()) {
            return new Plan.Refused(problems);
        }
        var notInBundle = directory.list(PartnerScope.everyone()).stream()
                .map(p -> p.id().value())
                .filter(id -> !named.contains(id))
                .toList();
        return new Plan.Ready(planned, notInBundle);
    }

    /** The import: the plan applied whole in one transaction, as one audited change; nothing when any part fails. */
    public Plan apply(JsonNode bundle, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new Plan.Refused(List.of("reason: is required to import a configuration bundle"));
        }
        Plan plan = plan(bundle);
        if (!(plan instanceof Plan.Ready ready)) {
            return plan;
        }
        Read read = read(bundle);
        try {
            return transactions.execute(tx -> {
                for (PartnerJson.Profile profile : read.profiles()) {
                    Partner partner = profile.partner();
                    String action = ready.partners().stream()
                            .filter(p -> p.partnerId().equals(partner.id().value()))
                            .findFirst()
                            .orElseThrow()
                            .action();
                    Onboarding outcome =
                            switch (action) {
                                case "NEW" -> directory.onboard(partner, profile.lifecycle(), actor);
                                case "CHANGED" -> directory.update(
                                        partner, "configuration import: " + reason.trim(), actor);
                                default -> null;
                            };
                    if (outcome != null
                            && !(outcome instanceof Onboarding.Onboarded)
                            && !(outcome instanceof Onboarding.Updated)) {
                        throw new Refusal(partner.id() + ": " + outcome);
                    }
                }
                var after = new LinkedHashMap<String, Object>();
                after.put("partners", ready.partners());
                audit.record(actor, AuditKind.CONFIGURATION_IMPORTED, null, "configuration", null, after, reason);
                return ready;
            });
        } catch (Refusal e) {
            return new Plan.Refused(List.of(e.getMessage()));
        }
    }

    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private record Read(List<PartnerJson.Profile> profiles, List<String> problems) {}

    private static Read read(JsonNode bundle) {
        var problems = new ArrayList<String>();
        var profiles = new ArrayList<PartnerJson.Profile>();
        if (bundle == null || !FORMAT.equals(bundle.path("format").asText())) {
            return new Read(profiles, List.of("format: is " + FORMAT));
        }
        var seen = new java.util.HashSet<String>();
        JsonNode partners = bundle.path("partners");
        for (int i = 0; i < partners.size(); i++) {
            ObjectNode entry = partners.get(i).deepCopy();
            entry.remove("version");
            Parsed<PartnerJson.Profile> parsed =
                    PartnerJson.readProfile(entry.toString().getBytes(StandardCharsets.UTF_8));
            if (parsed instanceof Parsed.Invalid<PartnerJson.Profile> invalid) {
                String at = "partners[" + i + "].";
                invalid.problems().forEach(p -> problems.add(at + p.location() + ": " + p.message()));
            } else {
                PartnerJson.Profile profile = ((Parsed.Valid<PartnerJson.Profile>) parsed).value();
                if (!seen.add(profile.partner().id().value())) {
                    problems.add("partners[" + i + "]: " + profile.partner().id() + " is in the bundle twice");
                }
                profiles.add(profile);
            }
        }
        return new Read(profiles, problems);
    }

    private static Partner masked(Partner partner) {
        return new Partner(
                partner.id(),
                partner.name(),
                partner.role(),
                partner.identifiers(),
                partner.channels().stream().map(ChannelProfile::withoutSecrets).toList(),
                partner.sla(),
                partner.policy());
    }

    private static Partner empty(Partner partner) {
        return new Partner(
                partner.id(), partner.id().value(), partner.role(), List.of(), List.of(), Map.of(), Map.of());
    }
}
