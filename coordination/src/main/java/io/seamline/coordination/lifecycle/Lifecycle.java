package io.seamline.coordination.lifecycle;

import io.seamline.adapters.persistence.CertificationResults;
import io.seamline.adapters.persistence.PartnerLifecycles;
import io.seamline.adapters.persistence.PartnerLifecycles.DocumentState;
import io.seamline.adapters.persistence.PartnerLifecycles.Standing;
import io.seamline.adapters.persistence.PartnerLifecycles.Terms;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.LifecycleTerms;
import io.seamline.model.partner.NotLiveTraffic;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.timeline.TimelineKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Where a partner stands per document type and direction, and what that makes of its traffic: LIVE documents are
 * production; a document marked as a test (ISA15 = T, UNB 0035 = 1, a test call, the portal's test mode) or of a type
 * not LIVE is test traffic (or, when the partner's terms say so, refused); a SUSPENDED type is refused. Changes of
 * state are decisions of a person with a reason, on the partner's timeline; going LIVE asks for a complete checklist
 * unless the person overrides it, saying why.
 */
@Service
public class Lifecycle {

    private final PartnerLifecycles store;
    private final CertificationResults results;
    private final Checklists checklists;
    private final Timeline timeline;
    private final Audit audit;
    private final Clock clock;

    public Lifecycle(
            PartnerLifecycles store,
            CertificationResults results,
            Checklists checklists,
            Timeline timeline,
            Audit audit,
            Clock clock) {
        this.audit = audit;
        this.store = store;
        this.results = results;
        this.checklists = checklists;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The state of a partner's document type (a partner we do not know is treated as LIVE: nothing to protect). */
    public LifecycleState state(PartnerId partner, Direction direction, String documentType) {
        return store.standing(partner)
                .map(s -> s.state(direction, documentType))
                .orElse(LifecycleState.LIVE);
    }

    /** How a partner's document of this type is handled; {@code marked} when the document says it is a test. */
    public Traffic traffic(PartnerId partner, Direction direction, String documentType, boolean marked) {
        if (marked) {
            return Traffic.test("sent as a test");
        }
        Optional<Standing> standing = store.standing(partner);
        if (standing.isEmpty()) {
            return Traffic.production();
        }
        LifecycleState state = standing.get().state(direction, documentType);
        String what = describe(direction, documentType) + " is " + state + " for " + partner;
        return switch (state) {
            case LIVE -> Traffic.production();
            case SUSPENDED -> Traffic.refused(what + ": not accepted while suspended");
            case ONBOARDING, TESTING -> standing.get().terms().notLive() == NotLiveTraffic.REFUSE
                    ? Traffic.refused(what + ": production documents are refused until it goes LIVE")
                    : Traffic.test(what + ": processed as a test until it goes LIVE");
        };
    }

    /**
     * Sets up a new partner's lifecycle: LIVE for everything when its profile says so (a partner moved from another
     * gateway; audited with the reason), else ONBOARDING with the document types of its channels TESTING.
     */
    public void onboarded(Partner partner, LifecycleTerms terms, String actor) {
        boolean live = terms.live();
        store.setTerms(
                partner.id(),
                new Terms(live ? LifecycleState.LIVE : LifecycleState.ONBOARDING, terms.notLive(), terms.checklists()));
        var details = new LinkedHashMap<String, Object>();
        details.put("state", live ? "LIVE" : "TESTING");
        details.put("notLive", terms.notLive().name());
        if (live) {
            remember(
                    partner.id(),
                    "Onboarded LIVE for every document type by " + actor + ": " + terms.reason(),
                    actor,
                    details,
                    "lifecycle:" + partner.id() + ":onboarded");
            return;
        }
        var kinds = Checklists.kindsOf(partner);
        for (Checklists.Kind kind : kinds) {
            store.setState(new DocumentState(
                    partner.id(),
                    kind.direction(),
                    kind.documentType(),
                    LifecycleState.TESTING,
                    "onboarded",
                    actor,
                    clock.instant()));
        }
        details.put(
                "testing",
                kinds.stream()
                        .map(k -> describe(k.direction(), k.documentType()))
                        .toList());
        remember(
                partner.id(),
                "Onboarded by " + actor + ": " + kinds.size() + " document type(s) TESTING until they go LIVE",
                actor,
                details,
                "lifecycle:" + partner.id() + ":onboarded");
    }

    /** The outcome of a change of state. */
    public sealed interface Change {

        record Changed(DocumentState state) implements Change {}

        /** Going LIVE with scenarios still open, and no override. */
        record Incomplete(List<String> open) implements Change {
            public Incomplete {
                open = List.copyOf(open);
            }
        }

        /** A change needs a person's reason. */
        record ReasonMissing() implements Change {}
    }

    /**
     * A person moves a document type to another state, with a reason. Going LIVE needs its checklist complete (and,
     * for EDI, the envelope's), or {@code override} with the reason saying why.
     */
    public Change change(
            Partner partner,
            Direction direction,
            String documentType,
            LifecycleState state,
            String reason,
            boolean override,
            String actor) {
        if (reason == null || reason.isBlank()) {
            return new Change.ReasonMissing();
        }
        if (state == LifecycleState.LIVE && !override) {
            List<String> open = open(partner, direction, documentType);
            if (!open.isEmpty()) {
                return new Change.Incomplete(open);
            }
        }
        LifecycleState before = state(partner.id(), direction, documentType);
        var changed =
                new DocumentState(partner.id(), direction, documentType, state, reason.trim(), actor, clock.instant());
        store.setState(changed);
        var after = new LinkedHashMap<String, Object>();
        after.put("state", state.name());
        after.put("override", override);
        audit.record(
                actor,
                AuditKind.LIFECYCLE_CHANGED,
                partner.id(),
                "partner/" + partner.id() + "/" + direction.name().toLowerCase(java.util.Locale.ROOT) + "/"
                        + documentType,
                Map.of("state", before.name()),
                after,
                reason.trim());
        var details = new LinkedHashMap<String, Object>();
        details.put("direction", direction.name());
        details.put("documentType", documentType);
        details.put("from", before.name());
        details.put("to", state.name());
        details.put("reason", reason.trim());
        if (override) {
            details.put("override", true);
        }
        remember(
                partner.id(),
                describe(direction, documentType) + " " + before + " → " + state + " by " + actor
                        + (override ? " (checklist overridden)" : "") + ": " + reason.trim(),
                actor,
                details,
                "lifecycle:" + partner.id() + ":" + direction + ":" + documentType + ":" + clock.millis());
        return new Change.Changed(changed);
    }

    /** The scenarios still open before a document type may go LIVE: its own, and for EDI the envelope's. */
    public List<String> open(Partner partner, Direction direction, String documentType) {
        Map<String, List<String>> own =
                store.terms(partner.id()).map(Terms::checklists).orElse(Map.of());
        var passed = new java.util.HashSet<String>();
        results.of(partner.id()).stream()
                .filter(CertificationResults.Result::passed)
                .forEach(r -> passed.add(r.direction() + "/" + r.documentType() + "/" + r.scenario()));
        var open = new java.util.ArrayList<String>();
        for (String scenario : checklists.of(partner, own, direction, documentType)) {
            if (!passed.contains(direction + "/" + documentType + "/" + scenario)) {
                open.add(scenario);
            }
        }
        Standards.of(documentType).ifPresent(standard -> {
            String envelope = Checklists.ENVELOPE + ":" + standard;
            for (String scenario : checklists.of(partner, own, Direction.INBOUND, envelope)) {
                if (!passed.contains(Direction.INBOUND + "/" + envelope + "/" + scenario)) {
                    open.add(envelope + " " + scenario);
                }
            }
        });
        return open;
    }

    public static String describe(Direction direction, String documentType) {
        return (direction == Direction.INBOUND ? "inbound " : "outbound ") + documentType;
    }

    private void remember(PartnerId partner, String summary, String actor, Map<String, Object> details, String step) {
        timeline.remember(
                new Subject(Subject.PARTNER, partner.value()),
                TimelineKind.HUMAN_ACTION,
                summary,
                actor,
                details,
                null,
                step);
    }
}
