package io.seamline.routes.bus;

import io.seamline.adapters.persistence.BusRecords;
import io.seamline.adapters.persistence.Messages;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerScope;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the inbound topic's consumer does around the pipeline: reads a record into the archived message it names, or
 * parks it with the reason (not a message id, no such message) so the rest of the partition flows; and commits the
 * record's offset once the message's transaction has committed. A record seen again after a node failed before its
 * commit finds its message no longer RECEIVED and does nothing: the message's status is the consumer's processed
 * record.
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

    /** The message a record names, or null when the record is parked. */
    public MessageId take(Exchange exchange) {
        String payload = exchange.getMessage().getBody(String.class);
        String problem;
        MessageId id = parse(payload);
        if (id == null) {
            problem = "not an archived message's id";
        } else {
            if (messages.find(id, PartnerScope.everyone()).isPresent()) {
                return id;
            }
            problem = "no archived message " + id;
        }
        var parked = new BusRecords.Parked(
                exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class),
                exchange.getMessage().getHeader(KafkaConstants.KEY, String.class),
                payload,
                problem);
        log.warn("parked record {}-{}@{}: {}", parked.topic(), parked.partition(), parked.offset(), problem);
        transactions.executeWithoutResult(tx -> records.park(parked, clock.instant()));
        return null;
    }

    private static MessageId parse(String payload) {
        try {
            return payload == null ? null : MessageId.parse(payload.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Commits the record's offset: everything it led to has committed. */
    public void commit(Exchange exchange) {
        KafkaManualCommit manual =
                exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual != null) {
            manual.commit();
        }
    }
}
