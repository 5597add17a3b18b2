package io.seamline.coordination.writeback;

import io.seamline.adapters.persistence.Outbox;
import io.seamline.coordination.timeline.Timeline;
import io.seamline.mappings.json.Json;
import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.message.TimeOrderedIds;
import io.seamline.model.outbox.DeliveryStatus;
import io.seamline.model.outbox.HeldDocument;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.timeline.TimelineKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The ERP write-back port: a completed outcome (a commitment applied, an invoice approved, a ship notice) becomes a
 * JSON document, kept in the blob store and held by its outbox delivery (no message row: {@link Outbox#hold}),
 * delivered to the configured URL (POST, with the document's id as {@code Idempotency-Key}, retried with backoff) or
 * into the configured folder. The document's {@code id} stays the same however often it is delivered, so the ERP can
 * ignore a repeat. Its timeline entries name the message that caused it and the document's id.
 */
@Service
@EnableConfigurationProperties(ErpSettings.class)
public class ErpWriteBack {

    private final Outbox outbox;
    private final Timeline timeline;
    private final ErpSettings settings;
    private final Clock clock;

    public ErpWriteBack(Outbox outbox, Timeline timeline, ErpSettings settings, Clock clock) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.writeBack().enabled();
    }

    /**
     * Queues one outcome for the ERP, once per {@code stepKey}. {@code type} names it ({@code invoice.approved}),
     * {@code data} carries it. Returns the document's id, or empty when write-back is off.
     */
    public Optional<MessageId> send(
            Subject subject, String type, Map<String, Object> data, MessageId cause, String stepKey) {
        if (!enabled()) {
            return Optional.empty();
        }
        UUID id = TimeOrderedIds.named("erp:" + stepKey);
        var document = new LinkedHashMap<String, Object>();
        document.put("id", id.toString());
        document.put("type", type);
        document.put("subject", subject.toString());
        document.put("occurredAt", clock.instant().toString());
        document.put("data", data);
        byte[] json = Json.write(document).getBytes(StandardCharsets.UTF_8);
        boolean http = settings.writeBack().url() != null;
        MessageId documentId = new MessageId(id);
        outbox.hold(
                new OutboundDelivery(
                        TimeOrderedIds.at(clock.instant()),
                        documentId,
                        null,
                        http ? ChannelKind.HTTP : ChannelKind.FILE,
                        http
                                ? settings.writeBack().url().toString()
                                : settings.writeBack().folder().toString(),
                        DeliveryStatus.PENDING,
                        0,
                        clock.instant(),
                        null,
                        clock.instant(),
                        null,
                        subject.toString()),
                new HeldDocument("application/json", type + "-" + id + ".json", type, cause),
                json,
                "erp:" + stepKey);
        timeline.note(
                subject,
                TimelineKind.ERP_WRITEBACK,
                "Queued for the ERP: " + type,
                Timeline.SYSTEM,
                Map.of("documentId", id.toString(), "type", type),
                cause,
                null,
                "erp:" + stepKey + ":queued");
        return Optional.of(documentId);
    }
}
