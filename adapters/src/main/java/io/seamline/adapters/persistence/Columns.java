package io.seamline.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.mappings.json.Json;
import io.seamline.model.Decimals;
import io.seamline.model.message.TimeOrderedIds;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Conversions between Java values and PostgreSQL columns shared by the repositories. */
final class Columns {

    static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private Columns() {}

    static String json(Object value) {
        return Json.write(value);
    }

    static <T> T json(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        String text = rs.getString(column);
        try {
            return text == null ? null : Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + column + " holds unreadable JSON", e);
        }
    }

    /** Numerics come back at the column's scale ({@code 100.0000}); values are kept as the partner wrote them. */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return Decimals.canonical(rs.getBigDecimal(column));
    }

    /**
     * One column of these rows as a text array, for {@code unnest(cast(:column as <type>[]))}: many rows in one
     * statement. Numbers and dates go as their text (nulls stay null) and PostgreSQL casts them.
     */
    static <T> String[] texts(Collection<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    /**
     * {@code column = :name} when {@code values} holds one value, else {@code column = any(:name)}: PostgreSQL plans a
     * statement with an array of unknown length again at every call (its plan for one element is cheaper than the
     * plan for any length), and the statements of a document's path mostly ask for one. Bind {@link #oneOrAll} to it.
     */
    static String oneOf(String column, String name, String[] values) {
        return values.length == 1 ? column + " = :" + name : column + " = any(:" + name + ")";
    }

    /** {@link #oneOf} for a column of another SQL type than text ({@code uuid}): the values are cast to it. */
    static String oneOf(String column, String name, String[] values, String type) {
        return values.length == 1
                ? column + " = cast(:" + name + " as " + type + ")"
                : column + " = any(cast(:" + name + " as " + type + "[]))";
    }

    /** The parameter for {@link #oneOf}: the one value, or all of them. */
    static Object oneOrAll(String[] values) {
        return values.length == 1 ? values[0] : values;
    }

    /** A number or a date as {@link #texts} sends it (a decimal without exponent), or null. */
    static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value == null ? null : value.toString();
    }

    /**
     * A step key as the row keeps it ({@link TimeOrderedIds#keyed}): the MD5 of its UTF-8 text as a uuid, after the time
     * of the time-ordered id the key names, if any; a key that names none is what PostgreSQL's {@code md5(key)::uuid}
     * gives, as the migrations converted the rows before. A step is only ever asked "recorded already?", and 16 bytes
     * answer that as well as the 60 to 120 characters of the key, in the row and in its unique index.
     */
    static UUID step(String key) {
        return key == null ? null : TimeOrderedIds.keyed(key);
    }

    /**
     * The JDBC type to bind a text parameter that may be null with ({@code param(name, value, TEXT)}): pgjdbc sends a
     * string as {@code varchar}, and an untyped null as "unspecified", for which PostgreSQL infers {@code text}; a
     * statement prepared on a call with the null then no longer fits a call with a string, so the driver prepares it
     * again and PostgreSQL plans it again, at every such change. A null bound as {@code varchar} keeps one statement.
     */
    static final int TEXT = java.sql.Types.VARCHAR;

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Escapes LIKE wildcards so user input matches literally. */
    static String likeContaining(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
