package io.seamline.routes.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code seamline.pipeline}: the EDI file inbox ({@code inbox/<partner>/; done files move to inbox/.done/<partner>/})
 * and how often it is polled ({@code inbox-poll}),
 * how many lanes process messages at once ({@code consumers}; one partner's or subject's messages keep to one lane,
 * in order), how many waiting messages a lane takes into one transaction ({@code batch-size}), how often messages
 * still RECEIVED are swept back into the queue (and how old they must be), and the largest message accepted.
 */
@ConfigurationProperties("seamline.pipeline")
public record PipelineSettings(
        Path inbox,
        Duration inboxPoll,
        int consumers,
        int batchSize,
        Duration sweepPeriod,
        Duration sweepAge,
        DataSize maxMessageSize) {

    public PipelineSettings {
        inbox = inbox == null ? Path.of("data", "inbox", "edi") : inbox;
        inboxPoll = inboxPoll == null ? Duration.ofSeconds(1) : inboxPoll;
        consumers = consumers <= 0 ? 2 : consumers;
        batchSize = batchSize <= 0 ? 10 : batchSize;
        sweepPeriod = sweepPeriod == null ? Duration.ofSeconds(30) : sweepPeriod;
        sweepAge = sweepAge == null ? Duration.ofSeconds(30) : sweepAge;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(50) : maxMessageSize;
    }
}
