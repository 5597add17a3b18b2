package io.seamline.routes.pipeline;

import io.seamline.model.message.MessageId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Makes a lane's batch: the message its consumer took, and those waiting behind it on the same lane, in order, up to
 * {@code seamline.pipeline.batch-size}. Under a light load a batch is the one message; under a burst, one transaction
 * carries many, which is what keeps the round trips and commits per message down.
 */
@Component
public class Batches {

    private final ConsumerTemplate consumer;
    private final PipelineSettings settings;

    public Batches(ConsumerTemplate consumer, PipelineSettings settings) {
        this.consumer = consumer;
        this.settings = settings;
    }

    public List<MessageId> gather(MessageId first, int lane) {
        var batch = new LinkedHashSet<MessageId>();
        batch.add(first);
        String queue = InboundRoutes.lane(lane);
        while (batch.size() < settings.batchSize()) {
            Exchange waiting = consumer.receiveNoWait(queue);
            if (waiting == null) {
                break;
            }
            batch.add(waiting.getMessage().getBody(MessageId.class));
        }
        return new ArrayList<>(batch);
    }
}
