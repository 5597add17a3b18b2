package io.seamline.coordination.sla;

import io.seamline.adapters.persistence.Expectations;
import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.coordination.sla.SlaProfile.Kind;
import io.seamline.model.Subject;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.LineStatus;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.sla.Expectation;
import io.seamline.model.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The SLA ledger's expectations, opened and met: our 850 opens a 997 and an 855 expectation, the 855 fulfils one and
 * opens the ASN's, a status report fulfils the carrier's heartbeat and opens the next, a delivery opens the freight
 * invoice's, and so on (each document kind's workflow says what its documents meet and open). Deadlines come from the document when it carries one, else the partner's SLA profile and
 * business calendar. Called in the transaction of the fact, so an expectation exists exactly when its fact does.
 */
@Service
@EnableConfigurationProperties(SlaSettings.class)
public class SlaExpectations {

    /** Our EDI documents a partner owes a functional acknowledgement for (acknowledgements themselves do not). */
    static final Set<String> ACKNOWLEDGED_DOCUMENTS = Set.of("850", "860", "204", "ORDERS", "ORDCHG", "IFTMIN");

    private final Expectations expectations;
    private final Partners partners;
    private final PurchaseOrders purchaseOrders;
    private final SlaSettings settings;
    private final Clock clock;

    public SlaExpectations(
            Expectations expectations,
            Partners partners,
            PurchaseOrders purchaseOrders,
            SlaSettings settings,
            Clock clock) {
        this.expectations = expectations;
        this.partners = partners;
        this.purchaseOrders = purchaseOrders;
        this.settings = settings;
        this.clock = clock;
    }

    /** The partner's SLA profile (the defaults for no partner). */
    public SlaProfile profile(PartnerId partner) {
        Map<String, String> own = partner == null
                ? Map.of()
                : partners.find(partner).map(p -> p.sla()).orElse(Map.of());
        return SlaProfile.of(settings.defaults(), own);
    }

    /** The SLA profile a partner with these overrides would have (a draft's, for a replay). */
    public SlaProfile profile(Map<String, String> overrides) {
        return SlaProfile.of(settings.defaults(), overrides);
    }

    /** When an expectation of this kind opened at {@code from} is due, by the partner's profile and calendar. */
    public Instant deadline(SlaProfile profile, String kind, Instant from) {
        Duration allowed = profile.allowed(kind);
        BusinessCalendar calendar = profile.calendar();
        return profile.inDays(kind)
                ? calendar.rollToWorkingDay(from.plus(allowed))
                : calendar.plusWorkingTime(from, allowed);
    }

    /** Opens an expectation due by the partner's SLA, once per step key. */
    public void expect(
            String kind, Subject subject, PartnerId partner, String reference, MessageId openedBy, String stepKey) {
        Instant now = clock.instant();
        SlaProfile profile = profile(partner);
        open(profile, kind, subject, partner, now, deadline(profile, kind, now), reference, openedBy, stepKey);
    }

    /** Opens an expectation with the deadline a document gave, once per step key. */
    public void expectBy(
            String kind,
            Subject subject,
            PartnerId partner,
            Instant due,
            String reference,
            MessageId openedBy,
            String stepKey) {
        open(profile(partner), kind, subject, partner, clock.instant(), due, reference, openedBy, stepKey);
    }

    /** Opens an expectation with its own warning time and deadline (a certificate's renewal), once per step key. */
    public void expectBetween(
            String kind,
            Subject subject,
            PartnerId partner,
            Instant warnAt,
            Instant due,
            String reference,
            String stepKey) {
        expectations.open(
                Expectation.open(kind, subject, partner, clock.instant(), warnAt, due, reference, null), stepKey);
    }

    /** Meets what a fact fulfils: on time (FULFILLED) or after its breach (LATE). */
    public int met(String kind, Subject subject, String reference, MessageId by) {
        return expectations.fulfil(kind, subject, reference, clock.instant(), by);
    }

    /** Our message went out: an EDI business document is owed a functional acknowledgement. */
    public void sent(ArchivedMessage message, Subject subject) {
        boolean edi = message.format() == MessageFormat.X12 || message.format() == MessageFormat.EDIFACT;
        if (edi && ACKNOWLEDGED_DOCUMENTS.contains(message.documentType())) {
            expect(
                    Kind.ACK_FUNCTIONAL,
                    subject,
                    message.partnerId(),
                    message.id().toString(),
                    message.id(),
                    "sla:" + message.id() + ":ack");
        }
    }

    /** A task was opened: a person owes a decision by the SLA of its kind. */
    public Instant taskDue(Task task) {
        SlaProfile profile = profile(task.partnerId());
        return deadline(profile, "task." + task.kind().name(), task.createdAt());
    }

    /** Opens the decision expectation of a task that was just opened. */
    public void taskOpened(Task task) {
        Instant due = task.dueAt() != null ? task.dueAt() : taskDue(task);
        open(
                profile(task.partnerId()),
                Kind.TASK_DECISION,
                task.subject(),
                task.partnerId(),
                task.createdAt(),
                due,
                task.id().toString(),
                null,
                "sla:task:" + task.id());
    }

    public void taskDecided(Task task) {
        met(Kind.TASK_DECISION, task.subject(), task.id().toString(), null);
    }

    /**
     * Once a supplier has committed, the ASN is due before the earliest promised (else needed-by) date of the lines
     * still to ship, less {@code asn.due.hours}; a later commitment moves the deadline.
     */
    public void shipNoticeDue(PurchaseOrderNumber number, PartnerId partner, MessageId by) {
        // as the commitment left it
        Optional<PurchaseOrder> found = purchaseOrders.find(number, PartnerScope.everyone());
        if (found.isEmpty()) {
            return;
        }
        PurchaseOrder order = found.get();
        Optional<LocalDate> earliest = order.lines().stream()
                .filter(l -> l.status() != LineStatus.CANCELLED && l.status() != LineStatus.REJECTED)
                .filter(l -> l.shippedQuantity().compareTo(committed(l)) < 0)
                .map(l -> l.promisedDate() != null ? l.promisedDate() : l.needByDate())
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo);
        if (earliest.isEmpty()) {
            return;
        }
        SlaProfile profile = profile(partner);
        Instant due = profile.calendar().startOf(earliest.get()).minus(profile.allowed(Kind.ASN_DUE));
        Subject po = Subject.purchaseOrder(order.number().value());
        Instant now = clock.instant();
        if (expectations.reschedule(Kind.ASN_DUE, po, warnAt(profile, now, due), due) == 0) {
            open(profile, Kind.ASN_DUE, po, partner, now, due, null, by, "sla:" + po + ":asn");
        }
    }

    private static java.math.BigDecimal committed(PurchaseOrderLine line) {
        return line.promisedQuantity() != null ? line.promisedQuantity() : line.quantity();
    }

    private void open(
            SlaProfile profile,
            String kind,
            Subject subject,
            PartnerId partner,
            Instant openedAt,
            Instant due,
            String reference,
            MessageId openedBy,
            String stepKey) {
        expectations.open(
                Expectation.open(
                        kind, subject, partner, openedAt, warnAt(profile, openedAt, due), due, reference, openedBy),
                stepKey);
    }

    /** Warnings go out when {@code warn.percent} of the time allowed has passed. */
    static Instant warnAt(SlaProfile profile, Instant openedAt, Instant due) {
        if (!due.isAfter(openedAt)) {
            return null;
        }
        long allowed = Duration.between(openedAt, due).toSeconds();
        return openedAt.plusSeconds(allowed * profile.warnPercent() / 100);
    }
}
