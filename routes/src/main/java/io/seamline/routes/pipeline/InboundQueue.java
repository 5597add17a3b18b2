package io.seamline.routes.pipeline;

import io.seamline.model.message.MessageId;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands archived messages to the pipeline's in-process queue. The queue is only a fast path: the database state
 * (RECEIVED) is what makes a message durable, and the sweep picks up whatever the queue lost in a crash.
 */
@Component
public class InboundQueue {

    private final ProducerTemplate producer;

    public InboundQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void submit(MessageId id) {
        producer.sendBody(InboundRoutes.QUEUE, id);
    }
}
