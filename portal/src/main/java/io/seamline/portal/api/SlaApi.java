package io.seamline.portal.api;

import io.seamline.coordination.sla.Evidence;
import io.seamline.coordination.sla.EvidencePack;
import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaLedger;
import io.seamline.model.Page;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import io.seamline.model.sla.Scorecard;
import io.seamline.portal.api.Views.TimelineEntryView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The SLA ledger (expectations and breaches), evidence packs and partner scorecards. */
@Component
class SlaApi {

    private final SlaLedger expectations;
    private final Evidence evidence;
    private final Scorecards scorecards;
    private final Clock clock;

    public SlaApi(SlaLedger expectations, Evidence evidence, Scorecards scorecards, Clock clock) {
        this.expectations = expectations;
        this.evidence = evidence;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /** An expectation as the API shows it. */
    public record ExpectationView(
            String id,
            String kind,
            String subject,
            String partnerId,
            String status,
            Instant openedAt,
            Instant warnAt,
            Instant dueAt,
            Instant warnedAt,
            Instant breachedAt,
            Instant escalatedAt,
            Instant closedAt,
            String reference,
            String openedBy,
            String fulfilledBy) {

        static ExpectationView of(Expectation e) {
            return new ExpectationView(
                    e.id().toString(),
                    e.kind(),
                    e.subject().toString(),
                    e.partnerId() == null ? null : e.partnerId().value(),
                    e.status().name(),
                    e.openedAt(),
                    e.warnAt(),
                    e.dueAt(),
                    e.warnedAt(),
                    e.breachedAt(),
                    e.escalatedAt(),
                    e.closedAt(),
                    e.reference(),
                    e.openedBy() == null ? null : e.openedBy().toString(),
                    e.fulfilledBy() == null ? null : e.fulfilledBy().toString());
        }
    }

    /** Breaches, newest first: open ones ({@code open=true}, the default) or also those met late. */
    public Reply breaches(ApiRequest request) {
        boolean openOnly =
                !request.queryParam("open").map("false"::equalsIgnoreCase).orElse(false);
        Page<Expectation> page = expectations.breaches(
                openOnly,
                Queries.partnerId(request, "partnerId"),
                Queries.instant(request, "from"),
                Queries.instant(request, "to"),
                Queries.window(request));
        return Reply.ok(Pages.of(page.map(ExpectationView::of), Pages.BreachPage::new));
    }

    /**
     * Expectations by subject, partner, kind and status, oldest first; a partner sees only its own (its open SLA
     * items in the portal).
     */
    public Reply list(ApiRequest request) {
        Subject subject = request.queryParam("subject").map(SlaApi::subject).orElse(null);
        var window = Queries.window(request);
        var items = expectations
                .list(
                        request.queryParam("kind").orElse(null),
                        subject,
                        Queries.partnerId(request, "partnerId"),
                        Queries.enumeration(request, "status", ExpectationStatus.class),
                        request.caller().scope(),
                        window)
                .stream()
                .map(ExpectationView::of)
                .toList();
        return Reply.ok(Map.of("items", items, "limit", window.limit(), "offset", window.offset()));
    }

    public Reply expectation(ApiRequest request) {
        UUID id = uuid(request, "expectation");
        return expectations
                .find(id, request.caller().scope())
                .map(ExpectationView::of)
                .map(Reply::ok)
                .orElseThrow(() -> ApiProblem.notFound("expectation " + id));
    }

    /** The evidence pack of an expectation, as JSON or ({@code format=html}) a readable page. */
    public Reply expectationEvidence(ApiRequest request) {
        UUID id = uuid(request, "expectation");
        return pack(request, evidence.ofExpectation(id).orElseThrow(() -> ApiProblem.notFound("expectation " + id)));
    }

    /** The evidence pack of a message (a disputed document). */
    public Reply messageEvidence(ApiRequest request) {
        UUID id = uuid(request, "message");
        return pack(
                request, evidence.ofMessage(new MessageId(id)).orElseThrow(() -> ApiProblem.notFound("message " + id)));
    }

    /** One partner's scorecard for {@code from}..{@code to} (default: the last 30 days); a partner sees its own. */
    public Reply scorecard(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id) || !request.caller().scope().sees(PartnerId.of(id))) {
            throw ApiProblem.notFound("partner " + id);
        }
        Instant[] period = Queries.period(request, clock);
        return Reply.ok(view(scorecards.of(PartnerId.of(id), period[0], period[1])));
    }

    /** Every partner's scorecard for the period. */
    public Reply scorecards(ApiRequest request) {
        Instant[] period = Queries.period(request, clock);
        return Reply.ok(
                scorecards.all(period[0], period[1]).stream().map(SlaApi::view).toList());
    }

    static Map<String, Object> view(Scorecard card) {
        var body = new LinkedHashMap<String, Object>();
        body.put("partnerId", card.partner().value());
        body.put("from", card.from());
        body.put("to", card.to());
        var measures = new LinkedHashMap<String, Object>();
        card.measures().forEach((name, m) -> {
            var measure = new LinkedHashMap<String, Object>();
            measure.put("total", m.total());
            measure.put("count", m.count());
            measure.put("rate", m.rate());
            measures.put(name, measure);
        });
        body.put("measures", measures);
        body.put("taskMeanHours", card.taskMeanHours());
        body.put("openBreaches", card.openBreaches());
        return body;
    }

    private static Reply pack(ApiRequest request, EvidencePack pack) {
        if (request.queryParam("format").map("html"::equalsIgnoreCase).orElse(false)) {
            return Reply.bytes(
                    pack.html().getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8",
                    Map.of("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("generatedAt", pack.generatedAt());
        body.put("title", pack.title());
        body.put("about", pack.about());
        body.put("messages", pack.messages());
        body.put(
                "decisions",
                pack.decisions().stream().map(TimelineEntryView::of).toList());
        body.put("timeline", pack.timeline().stream().map(TimelineEntryView::of).toList());
        body.put(
                "expectations",
                pack.expectations().stream().map(ExpectationView::of).toList());
        body.put("alerts", pack.alerts());
        return Reply.ok(body);
    }

    private static Subject subject(String text) {
        try {
            return Subject.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("subject", "must be kind/key, such as po/4500012345 or shipment/SH-1");
        }
    }

    private static UUID uuid(ApiRequest request, String what) {
        String id = request.pathParam("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what + " " + id);
        }
    }
}
