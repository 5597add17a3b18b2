package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.GenericPlans;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The inbound flow, as routes: the partners' EDI inbox folders and the API put archived messages on the queue of
 * their lane; each lane takes the messages waiting on it as a batch and runs them, one after the other, through
 * normalize, correlate, coordinate, respond, acknowledge (a mail: its reply) and complete in one transaction; a batch
 * that throws is rolled back whole and its messages are run again one at a time, each in its own transaction, where a
 * message whose processing throws is rolled back and handled by {@link InboundFailures}. The sweep puts back what is
 * still RECEIVED (after a crash, at start).
 */
@Component
public class InboundRoutes extends RouteBuilder {

    /** Route id of a lane's queue consumer: {@code inbound-pipeline-<lane>}. */
    public static final String PIPELINE = "inbound-pipeline";

    /** Route id of a batch's handling: its transactional run, else its messages handled one at a time. */
    public static final String HANDLE_BATCH = "handle-batch";

    /** Route id of a batch's transactional run. */
    public static final String PROCESS_BATCH = "process-batch";

    /**
     * Route id of one message's handling, whichever bus brought it: its transactional run, then the failure handling
     * (a retry, or FAILED with the reason) if it threw.
     */
    public static final String HANDLE = "handle-message";

    /** Route id of one message's transactional run. */
    public static final String PROCESS = "process-message";

    /** Route id of the steps of one claimed message, inside the transaction of its message or its batch. */
    public static final String STEPS = "message-steps";

    /** Route id of the partners' EDI inbox poller. */
    public static final String INBOX = "edi-inbox";

    /** Route id of the RECEIVED sweep. */
    public static final String SWEEP = "inbound-sweep";

    /** Exchange property: the id of the message being processed. */
    static final String MESSAGE_ID = "SeamlineMessageId";

    /** Exchange property: the ids of the messages of the batch being processed. */
    static final String BATCH = "SeamlineBatch";

    private final PipelineSettings settings;

    public InboundRoutes(PipelineSettings settings) {
        this.settings = settings;
    }

    /** The in-process queue of archived message ids of one lane. */
    public static String lane(int lane) {
        return "seda:seamline-inbound-" + lane + "?size=1000000";
    }

    @Override
    public void configure() {
        from("file:{{seamline.pipeline.inbox}}?recursive=true&minDepth=2&maxDepth=2&autoCreate=true"
                        + "&exclude=^\\..*&readLock=changed&readLockCheckInterval=250&readLockMinAge=250"
                        + "&delay=" + settings.inboxPoll().toMillis() + "&move=.done/${file:name}"
                        + "&moveFailed=.error/${file:name}")
                .routeId(INBOX)
                .convertBodyTo(byte[].class)
                .bean(FileIntake.class, "receive(${body}, ${header.CamelFileName}, ${header.CamelFileParent})");

        for (int lane = 0; lane < settings.consumers(); lane++) {
            from(lane(lane))
                    .routeId(PIPELINE + "-" + lane)
                    .bean(Batches.class, "gather(${body}, " + lane + ")")
                    .to("direct:" + HANDLE_BATCH);
        }

        from("direct:" + HANDLE_BATCH)
                .routeId(HANDLE_BATCH)
                .setProperty(BATCH, body())
                .doTry()
                .to("direct:" + PROCESS_BATCH)
                .bean(InboundFailures.class, "allSucceeded(${exchangeProperty." + BATCH + "})")
                .doCatch(Exception.class)
                .bean(InboundFailures.class, "batchFailed(${exchangeProperty." + BATCH + "}, ${exception})")
                .split(exchangeProperty(BATCH))
                .to("direct:" + HANDLE)
                .end()
                .end();

        from("direct:" + PROCESS_BATCH)
                .routeId(PROCESS_BATCH)
                .transacted()
                .bean(GenericPlans.class, "forThisTransaction")
                .bean(MessageClaim.class, "claimAll")
                .split(body())
                .stopOnException()
                .to("direct:" + STEPS)
                .end();

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
                .bean(GenericPlans.class, "forThisTransaction")
                .bean(MessageClaim.class, "claim")
                .filter(body().isNotNull())
                .to("direct:" + STEPS)
                .end();

        from("direct:" + STEPS)
                .routeId(STEPS)
                .bean(Normalizer.class, "normalize")
                .split(simple("${body.work}"))
                .stopOnException()
                .bean(WorkflowSteps.class, "correlate")
                .bean(WorkflowSteps.class, "decide")
                .bean(Responding.class, "respond")
                .end()
                .bean(Acknowledger.class, "acknowledge")
                .bean(ChannelReply.class, "reply")
                .bean(Completion.class, "complete");

        from("timer:" + SWEEP + "?delay=0&period=" + settings.sweepPeriod().toMillis())
                .routeId(SWEEP)
                .bean(Recovery.class, "requeue");
    }
}
