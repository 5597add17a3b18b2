package io.seamline.mappings.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.seamline.model.message.MessageId;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.shipment.ShipmentId;
import io.seamline.model.task.TaskId;
import java.io.IOException;
import java.util.function.Function;

/** Identifier records are plain strings on the wire: {@code "acme-supply"}, not {@code {"value": "acme-supply"}}. */
final class IdentifierModule extends SimpleModule {

    IdentifierModule() {
        super("seamline-identifiers");
        add(PartnerId.class, PartnerId::of);
        add(PurchaseOrderNumber.class, PurchaseOrderNumber::of);
        add(ShipmentId.class, ShipmentId::of);
        add(MessageId.class, MessageId::parse);
        add(TaskId.class, TaskId::parse);
    }

    private <T> void add(Class<T> type, Function<String, T> parse) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
