package io.seamline.routes.bus;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.Messages;
import io.seamline.model.message.MessageId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the inbound topic's consumer does around the pipeline: reads a poll's records into the archived messages they
 * name (in order, each once), parking the records that name none with the reason (not a message id, no such message)
 * so the rest of the partition flows; and commits the records' offsets once the batch's transaction has committed.
 * A record seen again after a node failed before its commit finds its message no longer RECEIVED and does nothing:
 * the message's status is the consumer's processed record.
 */
public class BusConsumer {

    private static final Logger log = LoggerFactory.getLogger(BusConsumer.class);

    private final Messages messages;
    private final BusRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BusConsumer(Messages messages, BusRecords records, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The messages a batch of records names, in the records' order; the records naming none are parked. */
    public List<MessageId> take(List<Exchange> batch) {
        var named = new LinkedHashMap<Exchange, MessageId>();
        var parked = new ArrayList<BusRecords.Parked>();
        for (Exchange record : batch) {
            MessageId id = parse(record.getMessage().getBody(String.class));
            if (id == null) {
                parked.add(parked(record, "not an archived message's id"));
            } else {
                named.put(record, id);
            }
        }
        Set<MessageId> known = messages.known(named.values());
        var ids = new LinkedHashSet<MessageId>();
        named.forEach((record, id) -> {
            if (known.contains(id)) {
                ids.add(id);
            } else {
                parked.add(parked(record, "no archived message " + id));
            }
        });
        if (!parked.isEmpty()) {
            parked.forEach(
                    p -> log.warn("parked record {}-{}@{}: {}", p.topic(), p.partition(), p.offset(), p.reason()));
            transactions.executeWithoutResult(tx -> parked.forEach(p -> records.park(p, clock.instant())));
        }
        return new ArrayList<>(ids);
    }

    /**
     * Commits the batch's offsets, each partition's up to its last record in the batch: everything the records led
     * to has committed.
     */
    public void commit(List<Exchange> batch) {
        Map<Integer, Exchange> last = new LinkedHashMap<>();
        batch.forEach(
                record -> last.put(record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class), record));
        for (Exchange record : last.values()) {
            KafkaManualCommit manual =
                    record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (manual != null) {
                manual.commit();
            }
        }
    }

    private static BusRecords.Parked parked(Exchange record, String problem) {
        var message = record.getMessage();
        return new BusRecords.Parked(
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                message.getHeader(KafkaConstants.KEY, String.class),
                message.getBody(String.class),
                problem);
    }

    private static MessageId parse(String payload) {
        try {
            return payload == null ? null : MessageId.parse(payload.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
