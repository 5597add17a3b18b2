package io.seamline.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bus's side of the database: records to publish, written in the caller's transaction (so a record is published
 * if and only if what decided it committed), taken by one relay at a time, and the records a consumer parked.
 */
@Repository
public class BusRecords {

    /** A record waiting to be published. */
    public record Pending(long id, String topic, String key, String payload) {}

    /** A record a consumer could not take, with the reason. */
    public record Parked(String topic, Integer partition, Long offset, String key, String payload, String reason) {}

    /** The advisory lock of the relay's turn. */
    private static final long RELAY_LOCK = 0x5EA4_B05L;

    private final JdbcClient jdbc;

    public BusRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a record to publish, in the caller's transaction. */
    public void publish(String topic, String key, String payload, Instant now) {
        jdbc.sql(
                        """
                        insert into bus_outbox (topic, record_key, payload, created_at)
                        values (:topic, :key, :payload, :now)""")
                .param("topic", topic)
                .param("key", key)
                .param("payload", payload)
                .param("now", Columns.timestamp(now))
                .update();
    }

    /**
     * The oldest records waiting, for the caller's transaction, or none while another relay of the cluster has its turn;
     * the caller deletes them with {@link #published} once the broker has them, in the same transaction.
     */
    public List<Pending> take(int limit) {
        // one relay of the cluster at a time, so records of one key are published in the order they were written
        boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", RELAY_LOCK)
                .query(Boolean.class)
                .single();
        if (!ours) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select id, topic, record_key, payload from bus_outbox
                        order by id limit :limit for update skip locked""")
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"), rs.getString("payload")))
                .list();
    }

    public void published(List<Pending> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("delete from bus_outbox where id = any (:ids)")
                .param("ids", records.stream().map(Pending::id).toArray(Long[]::new))
                .update();
    }

    /** Parks a record a consumer could not take; parking the same record again changes nothing. */
    public void park(Parked parked, Instant now) {
        jdbc.sql(
                        """
                        insert into bus_parked (topic, partition, record_offset, record_key, payload, reason, parked_at)
                        values (:topic, :partition, :offset, :key, :payload, :reason, :now)
                        on conflict (topic, partition, record_offset) do nothing""")
                .param("topic", parked.topic())
                .param("partition", parked.partition())
                .param("offset", parked.offset())
                .param("key", parked.key())
                .param("payload", parked.payload())
                .param("reason", parked.reason())
                .param("now", Columns.timestamp(now))
                .update();
    }

    public List<Parked> parked() {
        return jdbc.sql(
                        "select topic, partition, record_offset, record_key, payload, reason from bus_parked order by id")
                .query((rs, n) -> new Parked(
                        rs.getString("topic"),
                        (Integer) rs.getObject("partition"),
                        (Long) rs.getObject("record_offset"),
                        rs.getString("record_key"),
                        rs.getString("payload"),
                        rs.getString("reason")))
                .list();
    }
}
