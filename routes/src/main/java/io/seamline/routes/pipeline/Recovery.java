package io.seamline.routes.pipeline;

import io.seamline.adapters.persistence.Messages;
import io.seamline.model.message.MessageId;
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
    private final PipelineSettings settings;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();

    public Recovery(Messages messages, PipelineSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    public List<MessageId> pending() {
        Instant now = clock.instant();
        Instant before = started.getAndSet(true) ? now.minus(settings.sweepAge()) : now;
        return messages.receivedBefore(before, BATCH);
    }
}
