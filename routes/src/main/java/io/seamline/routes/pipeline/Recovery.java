package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Finds messages still RECEIVED: at start, all of them (a crash left them behind); afterwards, those older than
 * {@code seamline.pipeline.sweep-age} (a queue entry lost to an error). Processing twice is harmless: a message is
 * claimed only while RECEIVED.
 */
@Component
public class Recovery {

    private static final int BATCH = 10_000;

    private final Messages messages;
    private final InboundQueue queue;
    private final PipelineSettings settings;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();

    public Recovery(Messages messages, InboundQueue queue, PipelineSettings settings, Clock clock) {
        this.messages = messages;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Puts the messages still RECEIVED back on this node's queue, oldest first, each on the lane of its subject or
     * partner as when it came in.
     */
    public void requeue() {
        for (Messages.Waiting waiting : pending()) {
            queue.local(waiting.id(), waiting.key());
        }
    }

    List<Messages.Waiting> pending() {
        Instant now = clock.instant();
        Instant before = started.getAndSet(true) ? now.minus(settings.sweepAge()) : now;
        return messages.receivedBefore(before, BATCH);
    }
}
