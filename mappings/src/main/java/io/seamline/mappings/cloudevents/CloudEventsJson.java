package io.seamline.mappings.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamline.mappings.json.Json;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.BookingConfirmed;
import io.seamline.model.event.CanonicalEvent;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.DeductionDisputed;
import io.seamline.model.event.DocumentReceived;
import io.seamline.model.event.EventData;
import io.seamline.model.event.FunctionalAckReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import io.seamline.model.event.TenderAnswered;
import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Writes and reads canonical events in CloudEvents 1.0 structured JSON. */
public final class CloudEventsJson {

    private static final Map<String, Class<? extends EventData>> DATA_TYPES = Map.ofEntries(
            Map.entry(OrderAcknowledged.TYPE, OrderAcknowledged.class),
            Map.entry(CommitmentUpdated.TYPE, CommitmentUpdated.class),
            Map.entry(ShipmentAdvised.TYPE, ShipmentAdvised.class),
            Map.entry(ShipmentStatusReported.TYPE, ShipmentStatusReported.class),
            Map.entry(TenderAnswered.TYPE, TenderAnswered.class),
            Map.entry(InvoiceReceived.TYPE, InvoiceReceived.class),
            Map.entry(CustomsStatusReported.TYPE, CustomsStatusReported.class),
            Map.entry(FunctionalAckReceived.TYPE, FunctionalAckReceived.class),
            Map.entry(ApplicationAckReceived.TYPE, ApplicationAckReceived.class),
            Map.entry(DocumentReceived.TYPE, DocumentReceived.class),
            Map.entry(BookingConfirmed.TYPE, BookingConfirmed.class),
            Map.entry(DeductionDisputed.TYPE, DeductionDisputed.class));

    private CloudEventsJson() {}

    public static ObjectNode toNode(CanonicalEvent event) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", CanonicalEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("time", event.time().toString());
        node.put("datacontenttype", "application/json");
        if (event.partner() != null) {
            node.put("seamlinepartner", event.partner().value());
        }
        if (event.message() != null) {
            node.put("seamlinemessage", event.message().toString());
        }
        node.put("seamlinechannel", event.channel().attribute());
        node.set("data", mapper.valueToTree(event.data()));
        return node;
    }

    /** One line of JSON, as the {@code translate} command and the event store write it. */
    public static String write(CanonicalEvent event) {
        return toNode(event).toString();
    }

    public static CanonicalEvent read(String json) {
        try {
            return read(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvents JSON document: " + e.getOriginalMessage(), e);
        }
    }

    public static CanonicalEvent read(JsonNode node) {
        String type = text(node, "type");
        Class<? extends EventData> dataType = dataType(type);
        try {
            EventData data = Json.mapper().treeToValue(node.get("data"), dataType);
            String partner = optionalText(node, "seamlinepartner");
            String message = optionalText(node, "seamlinemessage");
            return new CanonicalEvent(
                    text(node, "id"),
                    text(node, "source"),
                    Instant.parse(text(node, "time")),
                    partner == null ? null : PartnerId.of(partner),
                    message == null ? null : MessageId.parse(message),
                    Channel.valueOf(text(node, "seamlinechannel").toUpperCase(Locale.ROOT)),
                    data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad data for " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The event's {@code data} alone, as the event store keeps it next to the attributes' own columns. */
    public static String writeData(CanonicalEvent event) {
        return Json.mapper().valueToTree(event.data()).toString();
    }

    /** An event from its attributes and its {@code data} (see {@link #writeData}). */
    public static CanonicalEvent fromParts(
            String id,
            String source,
            String type,
            Instant time,
            PartnerId partner,
            MessageId message,
            Channel channel,
            String data) {
        try {
            return new CanonicalEvent(
                    id, source, time, partner, message, channel, Json.mapper().readValue(data, dataType(type)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad data for " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Class<? extends EventData> dataType(String type) {
        Class<? extends EventData> dataType = DATA_TYPES.get(type);
        if (dataType == null) {
            throw new IllegalArgumentException("unknown canonical event type: " + type);
        }
        return dataType;
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("CloudEvents attribute missing: " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
