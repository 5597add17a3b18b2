package io.seamline.adapters.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a batch statement joins to a table, as {@code alias(column, …)} in its {@code from}: for many rows the
 * {@code unnest} of one array per column, for one row its values. PostgreSQL cannot know how long an array parameter
 * is, so its generic plan for {@code unnest} assumes ten elements; for a batch of one that looks dearer than the plan
 * it makes for the arrays given, which it then makes again at every call. A batch of one (the usual batch when the
 * pipeline keeps up) as a row of values keeps one plan per connection. The columns' values go as
 * text ({@link Columns#texts}), cast to their type in SQL; a null goes as {@code varchar} ({@link Columns#TEXT}).
 */
final class BatchRows<T> {

    private record Column(String type, String[] values) {}

    private final Collection<T> rows;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    BatchRows(Collection<T> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a batch has rows");
        }
        this.rows = rows;
    }

    /** A column of the rows: its name (also the statement's parameter) and SQL type. */
    BatchRows<T> column(String name, String type, Function<T, String> value) {
        columns.put(name, new Column(type, Columns.texts(rows, value)));
        return this;
    }

    /**
     * {@code unnest(cast(:a as t[]), …) as alias(a, …)}, or for one row {@code (select cast(:a as t), …) as
     * alias(a, …)}.
     */
    String table(String alias) {
        boolean one = rows.size() == 1;
        String values = columns.entrySet().stream()
                .map(c -> "cast(:" + c.getKey() + " as " + c.getValue().type() + (one ? ")" : "[])"))
                .collect(Collectors.joining(", "));
        return (one ? "(select " + values + ")" : "unnest(" + values + ")") + " as " + alias + "("
                + String.join(", ", columns.keySet()) + ")";
    }

    /**
     * {@code tableColumn = :name} for one row, else {@code tableColumn = any(:name)}: said next to the join on that
     * column, it lets a plan read the table by the batch's keys whatever it guessed of the batch's length.
     */
    String oneOf(String tableColumn, String name) {
        Column column = columns.get(name);
        return Columns.oneOf(tableColumn, name, column.values(), column.type());
    }

    /** Binds every column: the arrays, or the one row's values. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        for (var column : columns.entrySet()) {
            String[] values = column.getValue().values();
            bound = values.length == 1
                    ? bound.param(column.getKey(), values[0], Columns.TEXT)
                    : bound.param(column.getKey(), values);
        }
        return bound;
    }
}
