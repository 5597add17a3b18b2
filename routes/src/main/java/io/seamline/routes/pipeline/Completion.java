package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.MessageCompletions;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.coordination.lifecycle.Certification;
import io.seamline.coordination.lifecycle.TestRuns;
import io.seamline.coordination.partners.Relationships;
import io.seamline.coordination.steps.Normalized;
import io.seamline.coordination.steps.Work;
import io.seamline.coordination.webhooks.WebhookEvents;
import io.seamline.coordination.workflow.DocumentWorkflows;
import io.seamline.mappings.cloudevents.CloudEventsJson;
import io.seamline.mappings.json.Json;
import io.seamline.model.Subject;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ends a message's run: its status (PROCESSED, REJECTED, DUPLICATE) with the reason, and its events' workflows
 * (started, and finished unless a task waits); on
 * the Kafka bus, its canonical events published to the events topic, keyed by their subject (PO, shipment).
 */
@Component
public class Completion {

    private final Relationships relationships;
    private final DocumentWorkflows kinds;
    private final MessageCompletions completions;
    private final Workflows workflows;
    private final WebhookEvents webhooks;
    private final BusRecords bus;
    private final BusSettings settings;
    private final TestRuns tests;
    private final Certification certification;
    private final Clock clock;

    public Completion(
            Relationships relationships,
            DocumentWorkflows kinds,
            MessageCompletions completions,
            Workflows workflows,
            WebhookEvents webhooks,
            BusRecords bus,
            BusSettings settings,
            TestRuns tests,
            Certification certification,
            Clock clock) {
        this.relationships = relationships;
        this.kinds = kinds;
        this.completions = completions;
        this.workflows = workflows;
        this.webhooks = webhooks;
        this.bus = bus;
        this.settings = settings;
        this.tests = tests;
        this.certification = certification;
        this.clock = clock;
    }

    public void complete(Normalized normalized) {
        for (Work work : normalized.work()) {
            if (work.test()) {
                continue; // a test event counts in no production figure and goes to no other system
            }
            Subject subject = relationships.recordOn(
                    work.partner(), work.subject(), normalized.message().id());
            if (kinds.of(work.event().data()).countsForAutonomy()) {
                workflows.ran(new Workflows.Ran(
                        work.eventId(),
                        work.partner().id(),
                        work.documentType(),
                        subject.toString(),
                        normalized.message().receivedAt(),
                        clock.instant()));
            }
            if (settings.kafka()) {
                // with the message's transaction: other systems see an event if and only if it was decided
                bus.publish(
                        settings.eventsTopic(),
                        subject.toString(),
                        CloudEventsJson.write(work.event()),
                        clock.instant());
            }
        }
        boolean test = test(normalized);
        Optional<TestRuns.Run> run = tests.take(normalized.message().id());
        if (test) {
            certification.grade(normalized, run);
        }
        // the message was claimed RECEIVED and is held by this transaction: nothing else moves it meanwhile
        Normalized.Described described = normalized.described();
        completions.complete(new MessageCompletions.Completed(
                normalized.message().id(),
                described == null ? null : described.partner(),
                described == null ? null : described.documentTypes(),
                described == null ? null : described.controls(),
                normalized.acknowledgement(),
                normalized.status(),
                normalized.reason(),
                clock.instant(),
                test,
                run.map(r -> Json.write(r.wouldHaveAsData())).orElse(null)));
        webhooks.ended(normalized.message(), normalized.status(), normalized.reason(), test);
    }

    /** A message marked as a test, an interchange that says it is one, or a message any of whose events ran as one. */
    private static boolean test(Normalized normalized) {
        return normalized.message().test()
                || normalized.work().stream().anyMatch(Work::test)
                || normalized.interchanges().stream()
                        .anyMatch(o -> o.result().envelope() != null
                                && o.result().envelope().test());
    }
}
