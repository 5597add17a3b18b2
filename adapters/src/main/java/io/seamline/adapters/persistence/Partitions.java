package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month partitions (UTC) of the tables partitioned by time — message, event, timeline_entry (V25): created ahead
 * of the rows they take, dropped once retention has left nothing in them.
 */
@Repository
public class Partitions {

    /** The tables partitioned by month. */
    static final List<String> TABLES = List.of("message", "event", "timeline_entry");

    /** Months ahead of the current one that have their partitions. */
    static final int MONTHS_AHEAD = 2;

    private final JdbcClient jdbc;

    public Partitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the missing partitions of the month of {@code now} and the {@value #MONTHS_AHEAD} after it, moving into
     * each the rows its table's default partition took for that month meanwhile; returns how many were created. Safe
     * on every node at once.
     */
    public int prepare(Instant now) {
        return jdbc.sql("select count(*) from unnest(cast(:tables as text[])) as t,"
                        + " generate_series(0, :ahead) as m"
                        + " where month_partition(t, cast(:now as timestamptz) + m * interval '1 month')")
                .param("tables", TABLES.toArray(String[]::new))
                .param("ahead", MONTHS_AHEAD)
                .param("now", timestamp(now))
                .query(Integer.class)
                .single();
    }

    /**
     * Gathers the statistics of the partitioned tables themselves ({@code analyze only}: their partitions keep theirs
     * from autovacuum, which never analyzes a partitioned table). Without them PostgreSQL guesses how many rows a join
     * to a table's partitions matches (as if a column held 200 distinct values: ten messages joined by id were
     * thought to match 1,733 rows), and every plan joining these tables builds on the guess.
     */
    public void analyze() {
        jdbc.sql("analyze only " + String.join(", ", TABLES)).update();
    }

    /**
     * Drops the month partitions that ended at or before {@code before} and hold no row, in the caller's transaction,
     * which should do nothing else (it waits two seconds at most for each table's lock, then leaves the rest to the
     * next call); returns their names.
     */
    public List<String> dropEmpty(Instant before) {
        return jdbc.sql("select p from unnest(cast(:tables as text[])) as t,"
                        + " lateral drop_empty_month_partitions(t, cast(:before as timestamptz)) as p")
                .param("tables", TABLES.toArray(String[]::new))
                .param("before", timestamp(before))
                .query(String.class)
                .list();
    }

    /** The month partitions a table has now, oldest first ({@code <table>_YYYY_MM}). */
    List<String> of(String table) {
        return jdbc.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " where i.inhparent = cast(:table as regclass) and c.relname <> :table || '_default'"
                        + " order by c.relname")
                .param("table", table)
                .query(String.class)
                .list();
    }
}
