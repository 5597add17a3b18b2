package io.seamline.routes.replay;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.ReplayRuns;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.effects.RecordingEffects;
import io.seamline.coordination.policy.Policies;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.steps.Claimed;
import io.seamline.coordination.steps.Correlated;
import io.seamline.coordination.steps.Decided;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.workflow.Coordinator;
import io.seamline.coordination.workflow.Correlator;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.routes.pipeline.Normalizer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays archived inbound documents against a draft configuration before it is published: each document is read
 * again and runs through the same correlation and workflows twice — with the configuration in force and with the
 * draft — both through the recording side of the effects port, in a transaction that is always rolled back, so
 * nothing of production changes. The report compares the two sides document by document and in total. Replays run
 * in the background, one at a time per node, with progress, and can be cancelled.
 */
@Service
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    /** The most documents one replay reads; narrow the period for more. */
    static final int MAX_DOCUMENTS = 20_000;

    /** The longest period one replay covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(93);

    private final ReplayRuns runs;
    private final Messages messages;
    private final Partners partners;
    private final Normalizer normalizer;
    private final Correlator correlator;
    private final Coordinator coordinator;
    private final Policies policies;
    private final SlaExpectations sla;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "seamline-replay");
        thread.setDaemon(true);
        return thread;
    });

    public Replays(
            ReplayRuns runs,
            Messages messages,
            Partners partners,
            Normalizer normalizer,
            Correlator correlator,
            Coordinator coordinator,
            Policies policies,
            SlaExpectations sla,
            Audit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.messages = messages;
        this.partners = partners;
        this.normalizer = normalizer;
        this.correlator = correlator;
        this.coordinator = coordinator;
        this.policies = policies;
        this.sla = sla;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * What to replay: a partner's documents with a draft of its policy and SLA profile ({@code scope} {@code partner}),
     * or every partner's with a draft of the defaults ({@code defaults}) or of one category's limits
     * ({@code category:<name>}). Draft values are set over the ones in force; a blank value removes one.
     */
    public record Request(
            String scope,
            PartnerId partner,
            Instant from,
            Instant to,
            Map<String, String> policy,
            Map<String, String> sla,
            PartnerMapping mapping) {

        public Request {
            policy = policy == null ? Map.of() : Map.copyOf(policy);
            sla = sla == null ? Map.of() : Map.copyOf(sla);
        }

        public Request(
                String scope,
                PartnerId partner,
                Instant from,
                Instant to,
                Map<String, String> policy,
                Map<String, String> sla) {
            this(scope, partner, from, to, policy, sla, null);
        }
    }

    /** The outcome of asking for a replay. */
    public sealed interface Started {

        record Running(UUID id, int documents) implements Started {}

        record Refused(List<FieldProblem> problems) implements Started {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    public Started start(Request request, String actor) {
        var problems = new ArrayList<FieldProblem>();
        Optional<Partner> partner = Optional.empty();
        if (request.scope().equals("partner")) {
            partner = request.partner() == null ? Optional.empty() : partners.find(request.partner());
            if (partner.isEmpty()) {
                problems.add(new FieldProblem("partnerId", "is a partner we know"));
            }
        } else if (request.scope().startsWith("category:")) {
            String category = request.scope().substring("category:".length());
            if (!policies.categories().contains(category)) {
                problems.add(
                        new FieldProblem("scope", "no category " + category + "; known: " + policies.categories()));
            }
        } else if (!request.scope().equals("defaults")) {
            problems.add(new FieldProblem("scope", "is a partnerId, \"defaults\" or \"category:<name>\""));
        }
        if (!request.scope().equals("partner") && request.mapping() != null) {
            problems.add(
                    new FieldProblem("draft.mappings", "a mapping draft is a partner's: replay it with partnerId"));
        }
        if (request.mapping() != null
                && request.partner() != null
                && !request.mapping().partner().equals(request.partner().value())) {
            problems.add(new FieldProblem(
                    "draft.mappings", "is the mapping of " + request.mapping().partner()));
        }
        if (!request.scope().equals("partner") && !request.sla().isEmpty()) {
            problems.add(
                    new FieldProblem("draft.sla", "an SLA profile draft is a partner's: replay it with partnerId"));
        }
        if (request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            problems.add(new FieldProblem("from", "from and to are instants, from before to"));
        } else if (Duration.between(request.from(), request.to()).compareTo(MAX_PERIOD) > 0) {
            problems.add(new FieldProblem("to", "a replay covers at most " + MAX_PERIOD.toDays() + " days"));
        }
        var draftPolicy = new LinkedHashMap<String, String>();
        request.policy().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                draftPolicy.put(k, v);
            }
        });
        Policies.problems(draftPolicy).forEach(p -> problems.add(new FieldProblem("draft.policy", p)));
        var draftSla = new LinkedHashMap<String, String>();
        request.sla().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                draftSla.put(k, v);
            }
        });
        SlaProfile.problems(draftSla).forEach(p -> problems.add(new FieldProblem("draft.sla", p)));
        if (request.policy().isEmpty() && request.sla().isEmpty() && request.mapping() == null) {
            problems.add(new FieldProblem("draft", "names the policy or SLA values, or the mapping, to try"));
        }
        if (!problems.isEmpty()) {
            return new Started.Refused(problems);
        }
        PartnerId only = partner.map(Partner::id).orElse(null);
        List<MessageId> documents = runs.documents(only, request.from(), request.to(), MAX_DOCUMENTS + 1);
        if (documents.size() > MAX_DOCUMENTS) {
            return new Started.Refused(List.of(new FieldProblem(
                    "to", "more than " + MAX_DOCUMENTS + " documents in the period: replay a shorter one")));
        }
        UUID id = UUID.randomUUID();
        var draft = new LinkedHashMap<String, Object>();
        draft.put("policy", request.policy());
        draft.put("sla", request.sla());
        if (request.mapping() != null) {
            draft.put("mapping", request.mapping().partner());
        }
        transactions.executeWithoutResult(tx -> {
            runs.start(
                    id,
                    actor,
                    request.scope(),
                    only,
                    request.from(),
                    request.to(),
                    draft,
                    documents.size(),
                    clock.instant());
            var audited = new LinkedHashMap<String, Object>(draft);
            audited.put("scope", request.scope());
            audited.put("from", request.from().toString());
            audited.put("to", request.to().toString());
            audited.put("documents", documents.size());
            audit.record(actor, AuditKind.REPLAY_STARTED, only, "replay/" + id, null, audited, null);
        });
        Optional<Partner> scoped = partner;
        executor.submit(() -> run(id, request, scoped, documents));
        return new Started.Running(id, documents.size());
    }

    public boolean cancel(UUID id, String actor) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            boolean cancelled = runs.cancel(id, clock.instant());
            if (cancelled) {
                audit.record(actor, AuditKind.REPLAY_CANCELLED, null, "replay/" + id, null, null, null);
            }
            return cancelled;
        }));
    }

    public Optional<io.seamline.model.replay.ReplayRun> find(UUID id) {
        return runs.find(id);
    }

    public List<io.seamline.model.replay.ReplayRun> recent(int limit) {
        return runs.recent(limit);
    }

    private void run(UUID id, Request request, Optional<Partner> partner, List<MessageId> documents) {
        var report = new ReplayReport();
        try {
            var draft = new Policies.Draft(
                    request.scope().equals("defaults") ? request.policy() : Map.of(),
                    request.scope().startsWith("category:")
                            ? Map.of(request.scope().substring("category:".length()), request.policy())
                            : Map.of());
            for (int i = 0; i < documents.size(); i++) {
                if (i % 10 == 0 && !runs.progress(id, i, clock.instant())) {
                    return; // cancelled
                }
                MessageId document = documents.get(i);
                try {
                    compare(document, request, draft, report);
                } catch (RuntimeException e) {
                    report.failed(
                            document, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            partner.ifPresent(p -> {
                if (!request.sla().isEmpty()) {
                    slaWhatIf(p, request, report);
                }
            });
            runs.finish(id, "DONE", documents.size(), report.toMap(), null, clock.instant());
        } catch (RuntimeException e) {
            log.warn("replay {} failed", id, e);
            runs.finish(
                    id, "FAILED", report.documents(), report.toMap(), String.valueOf(e.getMessage()), clock.instant());
        }
    }

    /** One document, with the configuration in force and with the draft, in a transaction that is rolled back. */
    private void compare(MessageId id, Request request, Policies.Draft draft, ReplayReport report) {
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            ArchivedMessage message = messages.find(id, PartnerScope.everyone()).orElseThrow();
            byte[] content = messages.content(id, PartnerScope.everyone()).orElseThrow();
            // read as a test: its events are no production events, its interchange no duplicate of the original
            Claimed claimed = new Claimed(message.asTest(), content);
            Normalized normalized = normalizer.normalize(claimed);
            var before = new ArrayList<ReplayReport.Side>();
            var after = new ArrayList<ReplayReport.Side>();
            for (Work work : normalized.work()) {
                before.add(side(work));
            }
            // with a draft mapping the document is read again as the draft would read it
            List<Work> works = request.mapping() == null
                    ? normalized.work()
                    : PartnerMappings.withDraft(
                                    Map.of(request.mapping().partner(), request.mapping()),
                                    () -> normalizer.normalize(claimed))
                            .work();
            for (Work work : works) {
                Work drafted = request.scope().equals("partner")
                        ? new Work(
                                work.event(),
                                drafted(work.partner(), request),
                                work.message(),
                                work.documentType(),
                                true)
                        : work;
                after.add(policies.withDraft(draft, () -> side(drafted)));
            }
            report.document(message, before, after);
        });
    }

    private ReplayReport.Side side(Work work) {
        var effects = new RecordingEffects();
        Correlated correlated = correlator.correlate(work, effects);
        Decided decided = coordinator.coordinate(correlated, effects);
        return ReplayReport.Side.of(
                work,
                effects.recorded(),
                decided.responses().stream().map(Response::summary).toList());
    }

    private static Partner drafted(Partner partner, Request request) {
        return new Partner(
                partner.id(),
                partner.name(),
                partner.role(),
                partner.identifiers(),
                partner.channels(),
                Policies.Draft.over(partner.sla(), request.sla()),
                Policies.Draft.over(partner.policy(), request.policy()));
    }

    /** The partner's SLA expectations of the period judged again by the draft profile's deadlines. */
    private void slaWhatIf(Partner partner, Request request, ReplayReport report) {
        SlaProfile proposed = sla.profile(Policies.Draft.over(partner.sla(), request.sla()));
        Instant now = clock.instant();
        for (ReplayRuns.Expectation e : runs.expectations(partner.id(), request.from(), request.to())) {
            if (!SlaProfile.KINDS.containsKey(e.kind())
                    || e.kind().equals(SlaProfile.Kind.TASK_DECISION)
                    || e.kind().equals(SlaProfile.Kind.CERTIFICATE_RENEWAL)
                    || e.kind().equals(SlaProfile.Kind.ASN_DUE)) {
                continue; // deadlines given by a document or a task, not by the profile
            }
            Instant draftDue = sla.deadline(proposed, e.kind(), e.openedAt());
            Instant closedOrNow = e.closedAt() == null ? now : e.closedAt();
            report.expectation(e.kind(), closedOrNow.isAfter(e.dueAt()), closedOrNow.isAfter(draftDue));
        }
    }
}
