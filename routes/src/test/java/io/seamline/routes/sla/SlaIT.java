package io.seamline.routes.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seamline.adapters.persistence.Alerts;
import io.seamline.adapters.persistence.Expectations;
import io.seamline.adapters.persistence.MessageSearch;
import io.seamline.adapters.persistence.Messages;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.respond.Responder;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaMonitor;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.coordination.sla.SlaProfile.Kind;
import io.seamline.coordination.sla.SlaSettings;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import io.seamline.model.sla.Alert;
import io.seamline.model.sla.Expectation;
import io.seamline.model.sla.ExpectationStatus;
import io.seamline.model.timeline.TimelineKind;
import io.seamline.routes.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA ledger on the real database with time driven by the test clock (no sleeps): expectations met on time and
 * breached when not, business calendars, warnings before breaches, escalations, exactly-once breaches with two
 * scanning nodes, alert mails through a real SMTP server (GreenMail) and reminders to partners.
 */
@SpringBootTest(
        properties = {
            "seamline.sla.alerts.poll=200",
            "seamline.sla.alerts.emails=sla-team@buyer.example",
            "seamline.sla.alerts.from=sla@seamline.example",
            "seamline.email.smtp.host=127.0.0.1",
            "seamline.email.smtp.security=none"
        })
class SlaIT {

    static final GreenMail MAIL = start();

    private static GreenMail start() {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("seamline.email.smtp.port", () -> MAIL.getSmtp().getPort());
        // a context of its own (the SMTP port differs), so a PostgreSQL of its own
        registry.add("seamline.data-dir", () -> "target/it-data-sla");
        registry.add("seamline.erp.inbox", () -> "target/it-data-sla/inbox/erp");
        registry.add("seamline.pipeline.inbox", () -> "target/it-data-sla/inbox/edi");
        registry.add("seamline.delivery.outbox", () -> "target/it-data-sla/outbox");
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    /** Friday 20 November 2026, noon UTC. */
    static final Instant FRIDAY_NOON = Instant.parse("2026-11-20T12:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    SlaExpectations slaExpectations;

    @Autowired
    SlaMonitor monitor;

    @Autowired
    io.seamline.coordination.webhooks.OpsEvents ops;

    @Autowired
    Expectations expectations;

    @Autowired
    Alerts alerts;

    @Autowired
    Partners partners;

    @Autowired
    Timeline timeline;

    @Autowired
    Messages messages;

    @Autowired
    MessageSearch search;

    @Autowired
    Responder responder;

    @Autowired
    SlaSettings settings;

    @Autowired
    TransactionTemplate transactions;

    private PartnerId partner;

    @BeforeEach
    void startOnFridayNoon() {
        // every test starts later than the one before, so what earlier tests left open is long breached
        clock.set(FRIDAY_NOON.plus(Duration.ofDays(7L * (RUN++ + 100))));
        monitor.scan();
        monitor.scan();
        partner = supplier(Map.of());
    }

    private static int RUN;

    @AfterEach
    void release() {
        clock.release();
    }

    private PartnerId supplier(Map<String, String> sla) {
        return supplier(sla, List.of(new ChannelProfile(ChannelKind.PORTAL, "", Map.of())));
    }

    private PartnerId supplier(Map<String, String> sla, List<ChannelProfile> channels) {
        var id = PartnerId.of("sla-" + UUID.randomUUID().toString().substring(0, 8));
        partners.add(new Partner(id, "SLA test", PartnerRole.SUPPLIER, List.of(), channels, sla, Map.of()));
        return id;
    }

    private static Subject po() {
        return Subject.purchaseOrder("PO" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Expectation only(String kind, Subject subject) {
        var found = expectations.about(subject).stream()
                .filter(e -> e.kind().equals(kind))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void expect(String kind, Subject subject, PartnerId who) {
        if (kind.equals(Kind.ASN_DUE)) {
            // the ASN's deadline is a date (before the promised date), not a span after an opening fact
            transactions.executeWithoutResult(tx -> slaExpectations.expectBy(
                    kind,
                    subject,
                    who,
                    clock.instant().plus(Duration.ofDays(2)),
                    null,
                    null,
                    "t:" + UUID.randomUUID()));
            return;
        }
        transactions.executeWithoutResult(tx -> slaExpectations.expect(
                kind,
                subject,
                who,
                kind.equals(Kind.ACK_FUNCTIONAL) ? subject.key() : null,
                null,
                "t:" + UUID.randomUUID()));
    }

    private void meet(String kind, Subject subject) {
        transactions.executeWithoutResult(tx -> {
            if (kind.equals(Kind.ACK_FUNCTIONAL)) {
                expectations.fulfil(kind, null, subject.key(), clock.instant(), null);
            } else {
                slaExpectations.met(kind, subject, null, null);
            }
        });
    }

    @Test
    void everyKindIsMetOnTimeAndBreachedWhenNotMet() {
        var kinds = new ArrayList<>(SlaProfile.KINDS.keySet());
        Instant start = clock.instant();
        var met = new ArrayList<Subject>();
        var missed = new ArrayList<Subject>();
        for (String kind : kinds) {
            Subject a = po();
            Subject b = po();
            expect(kind, a, partner);
            expect(kind, b, partner);
            met.add(a);
            missed.add(b);
        }
        clock.advance(Duration.ofMinutes(30));
        for (int i = 0; i < kinds.size(); i++) {
            meet(kinds.get(i), met.get(i));
        }

        clock.advance(Duration.ofDays(31));
        var scan = monitor.scan();

        assertThat(scan.breached()).isEqualTo(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            Expectation onTime = only(kinds.get(i), met.get(i));
            Expectation breached = only(kinds.get(i), missed.get(i));
            assertThat(onTime.status()).as(kinds.get(i)).isEqualTo(ExpectationStatus.FULFILLED);
            assertThat(onTime.closedAt()).isEqualTo(start.plus(Duration.ofMinutes(30)));
            assertThat(breached.status()).as(kinds.get(i)).isEqualTo(ExpectationStatus.BREACHED);
            assertThat(breached.breachedAt()).isEqualTo(clock.instant());
            assertThat(timeline.of(missed.get(i), PartnerScope.everyone()))
                    .anySatisfy(e -> assertThat(e.kind()).isEqualTo(TimelineKind.SLA));
        }
    }

    @Test
    void aWeekendInThePartnersCalendarMovesTheDeadlineToMonday() {
        PartnerId weekdays = supplier(Map.of("calendar.weekend", "SAT,SUN", "po.acknowledgement.hours", "24"));
        PartnerId everyDay = supplier(Map.of("po.acknowledgement.hours", "24"));
        Subject slow = po();
        Subject quick = po();
        Instant opened = clock.instant();

        expect(Kind.PO_ACKNOWLEDGEMENT, slow, weekdays);
        expect(Kind.PO_ACKNOWLEDGEMENT, quick, everyDay);

        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, slow).dueAt()).isEqualTo(opened.plus(Duration.ofDays(3)));
        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, quick).dueAt()).isEqualTo(opened.plus(Duration.ofDays(1)));

        clock.advance(Duration.ofDays(2)); // Sunday noon
        monitor.scan();
        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, quick).status()).isEqualTo(ExpectationStatus.BREACHED);
        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, slow).status()).isEqualTo(ExpectationStatus.OPEN);

        clock.advance(Duration.ofDays(1).plusMinutes(1)); // Monday 12:01
        monitor.scan();
        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, slow).status()).isEqualTo(ExpectationStatus.BREACHED);
    }

    @Test
    void warnsOnceBeforeTheDeadlineThenBreachesThenEscalatesAndMailsTheTeamEachTime() throws Exception {
        Subject subject = po();
        expect(Kind.PO_ACKNOWLEDGEMENT, subject, partner); // 48 h, warned at 75 %: 36 h
        Expectation expectation = only(Kind.PO_ACKNOWLEDGEMENT, subject);
        assertThat(expectation.warnAt()).isEqualTo(expectation.openedAt().plus(Duration.ofHours(36)));

        clock.advance(Duration.ofHours(35));
        assertThat(monitor.scan().warned()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(monitor.scan().warned()).isEqualTo(1);
        assertThat(monitor.scan().warned()).isZero();
        assertThat(only(Kind.PO_ACKNOWLEDGEMENT, subject).status()).isEqualTo(ExpectationStatus.OPEN);

        clock.advance(Duration.ofHours(12));
        assertThat(monitor.scan().breached()).isEqualTo(1);
        clock.advance(Duration.ofHours(23));
        assertThat(monitor.scan().escalated()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(monitor.scan().escalated()).isEqualTo(1);

        assertThat(alerts.of(expectation.id()))
                .extracting(Alert::kind)
                .containsExactly(Alert.Kind.WARNING, Alert.Kind.BREACH, Alert.Kind.ESCALATION);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> alerts.of(expectation.id()).stream().allMatch(a -> a.status() == Alert.Status.SENT));
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : MAIL.getReceivedMessagesForDomain("buyer.example")) {
            if (mail.getSubject().contains(subject.toString())) {
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sla-team@buyer.example");
                subjects.add(mail.getSubject());
            }
        }
        assertThat(subjects)
                .hasSize(3)
                .satisfiesExactly(
                        s -> assertThat(s).startsWith("[Seamline SLA] WARNING"),
                        s -> assertThat(s).startsWith("[Seamline SLA] BREACH"),
                        s -> assertThat(s).startsWith("[Seamline SLA] ESCALATION"));
    }

    @Test
    void aBreachIsRaisedOnceWhenTwoNodesScanTheSameDatabase() throws Exception {
        var other = new SlaMonitor(
                expectations,
                alerts,
                slaExpectations,
                responder,
                timeline,
                settings,
                transactions,
                clock,
                ops,
                java.util.List.of());
        var subjects = new ArrayList<Subject>();
        for (int i = 0; i < 40; i++) {
            Subject subject = po();
            expect(Kind.TENDER_RESPONSE, subject, partner);
            subjects.add(subject);
        }
        clock.advance(Duration.ofHours(3));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        try {
            Future<SlaMonitor.Scan> first = nodes.submit(() -> {
                start.await();
                return monitor.scan();
            });
            Future<SlaMonitor.Scan> second = nodes.submit(() -> {
                start.await();
                return other.scan();
            });
            start.countDown();
            int breached = first.get().breached() + second.get().breached();

            assertThat(breached).isEqualTo(40);
        } finally {
            nodes.shutdownNow();
        }
        for (Subject subject : subjects) {
            Expectation expectation = only(Kind.TENDER_RESPONSE, subject);
            assertThat(expectation.status()).isEqualTo(ExpectationStatus.BREACHED);
            assertThat(alerts.of(expectation.id())).singleElement().satisfies(a -> assertThat(a.kind())
                    .isEqualTo(Alert.Kind.BREACH));
            assertThat(timeline.of(subject, PartnerScope.everyone()).stream().filter(e -> e.kind() == TimelineKind.SLA))
                    .hasSize(1);
        }
    }

    @Test
    void aBreachMetLateIsKeptApartFromOnTime() {
        Subject subject = po();
        expect(Kind.CUSTOMS_RESPONSE, subject, partner);
        clock.advance(Duration.ofHours(25));
        monitor.scan();

        meet(Kind.CUSTOMS_RESPONSE, subject);

        Expectation late = only(Kind.CUSTOMS_RESPONSE, subject);
        assertThat(late.status()).isEqualTo(ExpectationStatus.LATE);
        assertThat(expectations
                        .breaches(true, partner, null, null, Window.first(10))
                        .items())
                .isEmpty();
        assertThat(expectations
                        .breaches(false, partner, null, null, Window.first(10))
                        .items())
                .extracting(Expectation::id)
                .containsExactly(late.id());
    }

    @Test
    void remindsThePartnerThroughItsOwnChannelWhenItsProfileAsksForIt() {
        PartnerId reminded = supplier(Map.of("reminders", "true"));
        PartnerId quiet = supplier(Map.of());
        Subject a = po();
        Subject b = po();
        expect(Kind.PO_ACKNOWLEDGEMENT, a, reminded);
        expect(Kind.PO_ACKNOWLEDGEMENT, b, quiet);

        clock.advance(Duration.ofHours(49));
        monitor.scan();

        var toReminded = search.list(new MessageQuery(
                        PartnerScope.everyone(),
                        reminded,
                        null,
                        Direction.OUTBOUND,
                        null,
                        null,
                        null,
                        Window.first(10)))
                .items();
        assertThat(toReminded).singleElement().satisfies(m -> assertThat(m.documentType())
                .isEqualTo("sla.reminder"));
        assertThat(new String(messages.content(toReminded.get(0).id(), PartnerScope.everyone())
                        .orElseThrow()))
                .contains("po.acknowledgement", a.toString());
        assertThat(search.list(new MessageQuery(
                                PartnerScope.everyone(),
                                quiet,
                                null,
                                Direction.OUTBOUND,
                                null,
                                null,
                                null,
                                Window.first(10)))
                        .items())
                .isEmpty();
    }
}
