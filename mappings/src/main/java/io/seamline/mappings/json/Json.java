package io.seamline.mappings.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.ItemId;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Seamline's JSON conventions: ISO-8601 dates and times as strings, amounts and quantities as plain JSON numbers
 * (read as {@link java.math.BigDecimal}), identifiers as strings, nulls left out; unknown properties and duplicate keys
 * refused on input.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private Json() {}

    /** The shared, thread-safe mapper. Do not reconfigure it; use {@link #configure} for a builder of your own. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(new JavaTimeModule())
                .addModule(new IdentifierModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // {"total": 1, "total": 2} is refused, not read as the last one
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .addMixIn(OrderAcknowledged.Line.class, IdentifiedLine.class)
                .addMixIn(CommitmentUpdated.Line.class, IdentifiedLine.class)
                .addMixIn(ShipmentAdvised.Line.class, IdentifiedLine.class)
                .addMixIn(InvoiceReceived.Line.class, IdentifiedLine.class);
    }

    /** A line's item identities and serial numbers are left out when it sent none, like its other absent fields. */
    abstract static class IdentifiedLine {

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<ItemId> itemIds();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> serials();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
