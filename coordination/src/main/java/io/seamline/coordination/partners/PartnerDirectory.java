package io.seamline.coordination.partners;

import io.seamline.adapters.delivery.PartnerTargets;
import io.seamline.adapters.persistence.PartnerVersions;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.ReplayRuns;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.lifecycle.Checklists;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.json.Json;
import io.seamline.mappings.partners.PartnerJson;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.LifecycleTerms;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Who our partners are: onboarding, and reads scoped to the caller. */
@Service
public class PartnerDirectory {

    private final Partners partners;
    private final PartnerTargets targets;
    private final TransactionTemplate transactions;
    private final Lifecycle lifecycle;
    private final Audit audit;
    private final PartnerVersions versions;
    private final ReplayRuns replays;
    private final Clock clock;

    public PartnerDirectory(
            Partners partners,
            PartnerTargets targets,
            TransactionTemplate transactions,
            Lifecycle lifecycle,
            Audit audit,
            PartnerVersions versions,
            ReplayRuns replays,
            Clock clock) {
        this.replays = replays;
        this.audit = audit;
        this.versions = versions;
        this.clock = clock;
        this.partners = partners;
        this.targets = targets;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
    }

    /**
     * Onboards a partner with its lifecycle terms: TESTING for the document types of its channels, or LIVE for all
     * when its profile says so with a reason (on its timeline, by {@code actor}).
     */
    public Onboarding onboard(Partner partner, LifecycleTerms terms, String actor) {
        return transactions.execute(tx -> {
            Optional<Partner> existing = partners.find(partner.id());
            if (existing.isPresent()) {
                return new Onboarding.AlreadyOnboarded(existing.get());
            }
            Optional<Onboarding> refused = refused(partner);
            if (refused.isPresent()) {
                return refused.get();
            }
            var unknown = terms.checklists().values().stream()
                    .flatMap(List::stream)
                    .filter(name -> !Checklists.known(name))
                    .distinct()
                    .toList();
            if (!unknown.isEmpty()) {
                return new Onboarding.ProfileInvalid(
                        List.of("checklists: unknown scenario(s) " + unknown + "; known are " + Checklists.names()));
            }
            partners.add(partner);
            versions.append(partner.id(), Json.write(partner), actor, terms.reason(), clock.instant(), null);
            lifecycle.onboarded(partner, terms, actor);
            var after = new java.util.LinkedHashMap<String, Object>(masked(partner));
            after.put("state", terms.live() ? "LIVE" : "TESTING");
            after.put("notLive", terms.notLive().name());
            after.put("checklists", terms.checklists());
            audit.record(
                    actor,
                    AuditKind.PARTNER_ONBOARDED,
                    partner.id(),
                    "partner/" + partner.id(),
                    null,
                    after,
                    terms.reason());
            return new Onboarding.Onboarded(partner);
        });
    }

    /**
     * Replaces a partner's profile: identifiers, channels, SLA and policy (a tolerance agreed with it, for instance).
     * Takes effect for the next message.
     */
    public Onboarding update(Partner partner, String reason, String actor) {
        return update(partner, reason, actor, null);
    }

    /**
     * The same, published on the strength of a replay ({@code replay}): a finished replay of this partner's traffic,
     * which the new version names.
     */
    public Onboarding update(Partner partner, String reason, String actor, java.util.UUID replay) {
        return transactions.execute(tx -> {
            if (replay != null) {
                Optional<io.seamline.model.replay.ReplayRun> run = replays.find(replay);
                if (run.isEmpty()
                        || !"DONE".equals(run.get().status())
                        || !partner.id().equals(run.get().partner())) {
                    return new Onboarding.ProfileInvalid(
                            List.of("replayId: is a finished replay of " + partner.id() + "'s traffic"));
                }
            }
            return change(partner, reason, actor, null, replay);
        });
    }

    /**
     * Makes an earlier version of a partner's configuration the one that runs, as a new version equal to it (with the
     * secrets it had then); the reason is required.
     */
    public Onboarding rollback(PartnerId id, int version, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new Onboarding.ProfileInvalid(List.of("reason: is required to roll a partner's profile back"));
        }
        return transactions.execute(tx -> {
            Optional<io.seamline.model.partner.ProfileVersion> old = versions.find(id, version);
            if (old.isEmpty()) {
                return new Onboarding.Unknown();
            }
            Parsed<PartnerJson.Profile> parsed =
                    PartnerJson.readProfile(old.get().profile().getBytes(StandardCharsets.UTF_8));
            if (parsed instanceof Parsed.Invalid<PartnerJson.Profile> invalid) {
                return new Onboarding.ProfileInvalid(
                        List.of("version " + version + " no longer reads as a profile: " + invalid.problems()));
            }
            Partner restored =
                    ((Parsed.Valid<PartnerJson.Profile>) parsed).value().partner();
            return change(restored, "rolled back to version " + version + ": " + reason.trim(), actor, version, null);
        });
    }

    /** A partner's versions, newest first (internal: they hold its policy); none for a partner we do not know. */
    public List<io.seamline.model.partner.ProfileVersion> versions(PartnerId id) {
        return versions.of(id);
    }

    /** One version's profile, its secrets masked. */
    public Optional<Partner> version(PartnerId id, int version) {
        return versions.find(id, version).flatMap(v -> {
            Parsed<PartnerJson.Profile> parsed =
                    PartnerJson.readProfile(v.profile().getBytes(StandardCharsets.UTF_8));
            return parsed instanceof Parsed.Valid<PartnerJson.Profile> valid
                    ? Optional.of(withoutSecrets(valid.value().partner()))
                    : Optional.empty();
        });
    }

    /** The version of a partner's configuration that runs now (0 before its first versioned change). */
    public int currentVersion(PartnerId id) {
        return versions.current(id);
    }

    private static Partner withoutSecrets(Partner partner) {
        return new Partner(
                partner.id(),
                partner.name(),
                partner.role(),
                partner.identifiers(),
                partner.channels().stream()
                        .map(io.seamline.model.partner.ChannelProfile::withoutSecrets)
                        .toList(),
                partner.sla(),
                partner.policy());
    }

    private Onboarding change(
            Partner partner, String reason, String actor, Integer rolledBackFrom, java.util.UUID replay) {
        Optional<Partner> current = partners.find(partner.id());
        if (current.isEmpty()) {
            return new Onboarding.Unknown();
        }
        Optional<Onboarding> refused = refused(partner);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean limits = !current.get().policy().equals(partner.policy())
                || !current.get().sla().equals(partner.sla());
        if (limits && (reason == null || reason.isBlank())) {
            return new Onboarding.ProfileInvalid(List.of(
                    "reason: is required to change a partner's policy or SLA profile: say why (who agreed to it)"));
        }
        Partner updated = keepingSecrets(partner, current.get());
        keepAsFirstVersion(current.get());
        partners.update(updated);
        Partner now = partners.find(partner.id()).orElseThrow();
        versions.append(partner.id(), Json.write(now), actor, reason, clock.instant(), rolledBackFrom, replay);
        audit.record(
                actor,
                rolledBackFrom == null ? AuditKind.PARTNER_UPDATED : AuditKind.PARTNER_ROLLED_BACK,
                partner.id(),
                "partner/" + partner.id(),
                masked(current.get()),
                masked(now),
                reason);
        return new Onboarding.Updated(now);
    }

    /**
     * A partner from before versions were kept: the profile that runs becomes its version 1 (inside a transaction).
     * False when it has versions already.
     */
    boolean keepAsFirstVersion(Partner current) {
        if (versions.current(current.id()) != 0) {
            return false;
        }
        versions.append(
                current.id(),
                Json.write(current),
                "seamline",
                "the profile as it ran before versions were kept",
                clock.instant(),
                null);
        return true;
    }

    /** A profile as the audit trail keeps it: every field, secret channel settings masked. */
    static java.util.Map<String, Object> masked(Partner partner) {
        var view = new java.util.LinkedHashMap<String, Object>();
        view.put("name", partner.name());
        view.put("role", partner.role().name());
        view.put(
                "identifiers",
                partner.identifiers().stream().map(Object::toString).toList());
        view.put(
                "channels",
                partner.channels().stream()
                        .map(io.seamline.model.partner.ChannelProfile::withoutSecrets)
                        .map(c -> java.util.Map.of(
                                "kind", c.kind().name(), "address", c.address(), "settings", c.settings()))
                        .toList());
        view.put("sla", partner.sla());
        view.put("policy", partner.policy());
        return view;
    }

    /**
     * A profile read back masks its secrets; written back unchanged, a masked secret keeps the value it had on the
     * channel of the same kind.
     */
    static Partner keepingSecrets(Partner updated, Partner current) {
        var channels = updated.channels().stream()
                .map(channel -> {
                    var settings = new java.util.LinkedHashMap<>(channel.settings());
                    settings.replaceAll((name, value) -> !value.equals(io.seamline.model.partner.ChannelProfile.MASK)
                            ? value
                            : current.channel(channel.kind())
                                    .map(c -> c.settings().get(name))
                                    .orElse(value));
                    return new io.seamline.model.partner.ChannelProfile(channel.kind(), channel.address(), settings);
                })
                .toList();
        return new Partner(
                updated.id(),
                updated.name(),
                updated.role(),
                updated.identifiers(),
                channels,
                updated.sla(),
                updated.policy());
    }

    private Optional<Onboarding> refused(Partner partner) {
        var problems = new java.util.ArrayList<>(Policies.problems(partner.policy()));
        problems.addAll(SlaProfile.problems(partner.sla()));
        problems.addAll(targets.problems(partner));
        if (!problems.isEmpty()) {
            return Optional.of(new Onboarding.ProfileInvalid(problems));
        }
        var taken = partners.takenByOthers(partner.id(), partner.identifiers());
        return taken.isEmpty() ? Optional.empty() : Optional.of(new Onboarding.IdentifiersTaken(taken));
    }

    public Optional<Partner> find(PartnerId id, PartnerScope scope) {
        return scope.sees(id) ? partners.find(id) : Optional.empty();
    }

    public List<Partner> list(PartnerScope scope) {
        return scope.restrictedTo()
                .map(own -> partners.find(own).stream().toList())
                .orElseGet(partners::all);
    }

    public boolean exists(PartnerId id) {
        return partners.exists(id);
    }
}
