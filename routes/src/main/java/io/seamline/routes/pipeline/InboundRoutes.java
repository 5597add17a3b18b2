package io.seamline.routes.pipeline;

import io.seamline.routes.coordinate.Coordinator;
import io.seamline.routes.correlate.Correlator;
import io.seamline.routes.email.MailConfirmation;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The inbound flow, as routes: the partners' EDI inbox folders and the API put archived messages on the queue; the
 * pipeline takes each message through normalize, correlate, coordinate, respond, acknowledge (a mail: its reply) and
 * complete in one
 * transaction; the sweep puts back what is still RECEIVED (after a crash, at start). A message whose processing
 * throws is rolled back whole and handled by {@link InboundFailures}.
 */
@Component
public class InboundRoutes extends RouteBuilder {

    /** The in-process queue of archived message ids waiting to be processed. */
    public static final String QUEUE = "seda:seamline-inbound";

    /** Route id of the queue consumer. */
    public static final String PIPELINE = "inbound-pipeline";

    /**
     * Route id of one message's handling, whichever bus brought it: its transactional run, then the failure handling
     * (a retry, or FAILED with the reason) if it threw.
     */
    public static final String HANDLE = "handle-message";

    /** Route id of one message's transactional run. */
    public static final String PROCESS = "process-message";

    /** Route id of the partners' EDI inbox poller. */
    public static final String INBOX = "edi-inbox";

    /** Route id of the RECEIVED sweep. */
    public static final String SWEEP = "inbound-sweep";

    /** Exchange property: the id of the message being processed. */
    static final String MESSAGE_ID = "SeamlineMessageId";

    @Override
    public void configure() {
        from("file:{{seamline.pipeline.inbox}}?recursive=true&minDepth=2&maxDepth=2&autoCreate=true"
                        + "&exclude=^\\..*&readLock=changed&readLockCheckInterval=250&readLockMinAge=250"
                        + "&delay={{seamline.pipeline.inbox-poll:1000}}&move=.done/${file:name}"
                        + "&moveFailed=.error/${file:name}")
                .routeId(INBOX)
                .convertBodyTo(byte[].class)
                .bean(FileIntake.class, "receive(${body}, ${header.CamelFileName}, ${header.CamelFileParent})");

        from(QUEUE + "?concurrentConsumers={{seamline.pipeline.consumers:2}}&size=1000000")
                .routeId(PIPELINE)
                .to("direct:" + HANDLE);

        from("direct:" + HANDLE)
                .routeId(HANDLE)
                .setProperty(MESSAGE_ID, body())
                .doTry()
                .to("direct:" + PROCESS)
                .bean(InboundFailures.class, "succeeded(${exchangeProperty." + MESSAGE_ID + "})")
                .doCatch(Exception.class)
                .bean(InboundFailures.class, "failed(${exchangeProperty." + MESSAGE_ID + "}, ${exception})")
                .end();

        from("direct:" + PROCESS)
                .routeId(PROCESS)
                .transacted()
                .bean(MessageClaim.class, "claim")
                .filter(body().isNotNull())
                .bean(Normalizer.class, "normalize")
                .split(simple("${body.work}"))
                .stopOnException()
                .bean(Correlator.class, "correlate")
                .bean(Coordinator.class, "coordinate")
                .bean(Responding.class, "respond")
                .end()
                .bean(Acknowledger.class, "acknowledge")
                .bean(MailConfirmation.class, "confirm")
                .bean(Completion.class, "complete")
                .end();

        from("timer:" + SWEEP + "?delay=0&period={{seamline.pipeline.sweep-period:30000}}")
                .routeId(SWEEP)
                .bean(Recovery.class, "pending")
                .split(body())
                .to(QUEUE);
    }
}
