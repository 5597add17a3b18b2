package io.seamline.coordination.partners;

import io.seamline.adapters.delivery.PartnerTargets;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.lifecycle.Checklists;
import io.seamline.coordination.lifecycle.Lifecycle;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.model.partner.LifecycleTerms;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
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

    public PartnerDirectory(
            Partners partners, PartnerTargets targets, TransactionTemplate transactions, Lifecycle lifecycle) {
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
            lifecycle.onboarded(partner, terms, actor);
            return new Onboarding.Onboarded(partner);
        });
    }

    /**
     * Replaces a partner's profile: identifiers, channels, SLA and policy (a tolerance agreed with it, for instance).
     * Takes effect for the next message.
     */
    public Onboarding update(Partner partner) {
        return transactions.execute(tx -> {
            if (!partners.exists(partner.id())) {
                return new Onboarding.Unknown();
            }
            Optional<Onboarding> refused = refused(partner);
            if (refused.isPresent()) {
                return refused.get();
            }
            partners.update(keepingSecrets(partner, partners.find(partner.id()).orElseThrow()));
            return new Onboarding.Updated(partners.find(partner.id()).orElseThrow());
        });
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
