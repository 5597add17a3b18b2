package io.seamline.coordination.sla;

import io.seamline.adapters.persistence.Alerts;
import io.seamline.adapters.persistence.Expectations;
import io.seamline.coordination.steps.Response;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.coordination.webhooks.OpsEvents;
import io.seamline.mappings.email.MailComposer;
import io.seamline.mappings.email.OutgoingMail;
import io.seamline.mappings.json.Json;
import io.seamline.model.sla.Alert;
import io.seamline.model.sla.Expectation;
import io.seamline.model.timeline.TimelineKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans the SLA ledger at the clock's time: warns about what is nearly due, breaches what is overdue and escalates
 * breaches that stay open. Each step is a conditional update in its own transaction together with its alerts, its
 * SLA entry on the timeline and the partner's reminder, so with several nodes scanning at once each warning, breach
 * and escalation happens exactly once.
 */
@Service
public class SlaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final Expectations expectations;
    private final Alerts alerts;
    private final SlaExpectations slaExpectations;
    private final Reminders reminders;
    private final Timeline timeline;
    private final SlaSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final OpsEvents ops;
    private final java.util.List<Breaches> breaches;

    public SlaMonitor(
            Expectations expectations,
            Alerts alerts,
            SlaExpectations slaExpectations,
            Reminders reminders,
            Timeline timeline,
            SlaSettings settings,
            TransactionTemplate transactions,
            Clock clock,
            OpsEvents ops,
            java.util.List<Breaches> breaches) {
        this.ops = ops;
        this.breaches = java.util.List.copyOf(breaches);
        this.expectations = expectations;
        this.alerts = alerts;
        this.slaExpectations = slaExpectations;
        this.reminders = reminders;
        this.timeline = timeline;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one scan did (this node's share). */
    public record Scan(int warned, int breached, int escalated) {}

    public Scan scan() {
        Instant now = clock.instant();
        int warned = each(expectations.dueForWarning(now, settings.batch()), e -> warn(e, now));
        int breached = each(expectations.overdue(now, settings.batch()), e -> breach(e, now));
        int escalated = each(expectations.dueForEscalation(now, settings.batch()), e -> escalate(e, now));
        if (warned + breached + escalated > 0) {
            log.info("SLA scan at {}: {} warned, {} breached, {} escalated", now, warned, breached, escalated);
        }
        return new Scan(warned, breached, escalated);
    }

    private int each(List<Expectation> due, Predicate<Expectation> step) {
        int done = 0;
        for (Expectation expectation : due) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> step.test(expectation)))) {
                done++;
            }
        }
        return done;
    }

    private boolean warn(Expectation expectation, Instant now) {
        if (!expectations.warn(expectation.id(), now)) {
            return false;
        }
        raise(expectation, Alert.Kind.WARNING, now);
        if (SlaProfile.Kind.CERTIFICATE_RENEWAL.equals(expectation.kind())) {
            ops.publish(
                    OpsEvents.CERTIFICATE_EXPIRING,
                    null,
                    "sla:" + expectation.id() + ":warning",
                    describe(expectation) + ": the certificate expires " + expectation.dueAt()
                            + (expectation.partnerId() == null ? " (ours)" : " (" + expectation.partnerId() + ")"),
                    details(expectation));
        }
        return true;
    }

    private boolean breach(Expectation expectation, Instant now) {
        SlaProfile profile = slaExpectations.profile(expectation.partnerId());
        if (!expectations.breach(expectation.id(), now, now.plus(profile.escalateAfter()))) {
            return false;
        }
        raise(expectation, Alert.Kind.BREACH, now);
        String summary = describe(expectation) + " breached: due " + expectation.dueAt();
        ops.publish(
                OpsEvents.SLA_BREACHED,
                expectation.kind(),
                "sla:" + expectation.id() + ":breach",
                summary + (expectation.partnerId() == null ? "" : " (" + expectation.partnerId() + ")"),
                details(expectation));
        String step = "sla:" + expectation.id() + ":breach";
        if (internal(expectation)) {
            timeline.note(
                    expectation.subject(),
                    TimelineKind.SLA,
                    summary,
                    Timeline.SYSTEM,
                    details(expectation),
                    null,
                    step);
        } else {
            timeline.remember(
                    expectation.subject(),
                    TimelineKind.SLA,
                    summary,
                    Timeline.SYSTEM,
                    details(expectation),
                    expectation.openedBy(),
                    step);
        }
        if (expectation.partnerId() != null && !internal(expectation)) {
            breaches.forEach(b -> b.breached(expectation, profile));
        }
        if (profile.reminders() && expectation.partnerId() != null && !internal(expectation)) {
            var notice = new LinkedHashMap<String, Object>();
            notice.put("type", "sla.reminder");
            notice.put("expectation", expectation.kind());
            notice.put("dueAt", expectation.dueAt().toString());
            if (expectation.reference() != null) {
                notice.put("reference", expectation.reference());
            }
            reminders.remind(new Response(
                    expectation.partnerId(),
                    expectation.subject(),
                    null,
                    notice,
                    "Reminder: " + describe(expectation) + " was due " + expectation.dueAt(),
                    null,
                    "sla:" + expectation.id() + ":reminder"));
        }
        return true;
    }

    private boolean escalate(Expectation expectation, Instant now) {
        if (!expectations.escalate(expectation.id(), now)) {
            return false;
        }
        raise(expectation, Alert.Kind.ESCALATION, now);
        timeline.note(
                expectation.subject(),
                TimelineKind.SLA,
                describe(expectation) + " still not met since " + expectation.dueAt() + ": escalated",
                Timeline.SYSTEM,
                details(expectation),
                expectation.openedBy(),
                "sla:" + expectation.id() + ":escalation");
        return true;
    }

    /** Tasks are our own work: breaches are the team's, no partner is reminded. */
    private static boolean internal(Expectation expectation) {
        return expectation.kind().startsWith("task.");
    }

    private void raise(Expectation expectation, Alert.Kind kind, Instant now) {
        SlaSettings.Alerts to = settings.alerts();
        String title = "[Seamline SLA] " + kind + ": " + describe(expectation) + " ("
                + (expectation.partnerId() == null ? "internal" : expectation.partnerId()) + ")";
        for (String address : to.emails()) {
            String messageId = "<"
                    + UUID.nameUUIDFromBytes(
                            (expectation.id() + ":" + kind + ":" + address).getBytes(StandardCharsets.UTF_8))
                    + "@"
                    + to.from().substring(to.from().indexOf('@') + 1) + ">";
            byte[] mail = MailComposer.compose(new OutgoingMail(
                    to.from(), address, title, messageId, null, List.of(), now, text(expectation, kind)));
            alerts.raise(new Alert(
                    UUID.randomUUID(),
                    expectation.id(),
                    kind,
                    Alert.Channel.EMAIL,
                    address,
                    Alert.Status.PENDING,
                    0,
                    "message/rfc822",
                    mail,
                    now,
                    null,
                    null));
        }
        if (to.webhook() != null) {
            var body = new LinkedHashMap<String, Object>();
            body.put("type", "sla." + kind.name().toLowerCase(java.util.Locale.ROOT));
            body.put("at", now.toString());
            body.putAll(details(expectation));
            alerts.raise(new Alert(
                    UUID.randomUUID(),
                    expectation.id(),
                    kind,
                    Alert.Channel.WEBHOOK,
                    to.webhook(),
                    Alert.Status.PENDING,
                    0,
                    "application/json",
                    Json.write(body).getBytes(StandardCharsets.UTF_8),
                    now,
                    null,
                    null));
        }
    }

    private static String text(Expectation expectation, Alert.Kind kind) {
        var text = new StringBuilder();
        text.append(
                switch (kind) {
                    case WARNING -> "Nearly due: ";
                    case BREACH -> "Breached: ";
                    case ESCALATION -> "Still breached, escalated: ";
                });
        text.append(describe(expectation)).append("\n\n");
        details(expectation)
                .forEach((k, v) -> text.append(k).append(": ").append(v).append("\n"));
        text.append("\nEvidence: /api/v1/sla/expectations/")
                .append(expectation.id())
                .append("/evidence\n");
        return text.toString();
    }

    /** One line saying what was expected, about what. */
    static String describe(Expectation expectation) {
        String what =
                switch (expectation.kind()) {
                    case SlaProfile.Kind.ACK_FUNCTIONAL -> "functional acknowledgement (997/CONTRL)";
                    case SlaProfile.Kind.PO_ACKNOWLEDGEMENT -> "PO acknowledgement (855/ORDRSP)";
                    case SlaProfile.Kind.TENDER_RESPONSE -> "tender response (990)";
                    case SlaProfile.Kind.ASN_DUE -> "advance ship notice (856/DESADV)";
                    case SlaProfile.Kind.SHIPMENT_STATUS -> "shipment status (214/IFTSTA)";
                    case SlaProfile.Kind.INVOICE_FREIGHT -> "freight invoice (210)";
                    case SlaProfile.Kind.CUSTOMS_RESPONSE -> "customs release or hold";
                    case SlaProfile.Kind.TASK_DECISION -> "decision on task " + expectation.reference();
                    default -> expectation.kind();
                };
        return what + " for " + expectation.subject();
    }

    static Map<String, Object> details(Expectation expectation) {
        var details = new LinkedHashMap<String, Object>();
        details.put("expectationId", expectation.id().toString());
        details.put("expectation", expectation.kind());
        details.put("subject", expectation.subject().toString());
        if (expectation.partnerId() != null) {
            details.put("partnerId", expectation.partnerId().value());
        }
        details.put("openedAt", expectation.openedAt().toString());
        details.put("dueAt", expectation.dueAt().toString());
        if (expectation.reference() != null) {
            details.put("reference", expectation.reference());
        }
        if (expectation.openedBy() != null) {
            details.put("openedBy", expectation.openedBy().toString());
        }
        return details;
    }
}
