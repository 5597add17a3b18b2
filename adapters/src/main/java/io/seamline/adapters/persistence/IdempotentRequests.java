package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.timestamp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests made with an Idempotency-Key, per caller: reserved before the work runs (so a second, simultaneous
 * request with the same key waits its turn), then completed with the answer to give again.
 */
@Repository
public class IdempotentRequests {

    private final JdbcClient jdbc;

    public IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request as first recorded: its hash, and its answer once there is one ({@code status} null before). */
    public record Recorded(
            String requestHash, Integer status, String mediaType, Map<String, String> headers, byte[] body) {

        public boolean completed() {
            return status != null;
        }
    }

    /** Reserves the key for a request; false when the key is taken (by this request or another). */
    public boolean reserve(String owner, String key, String requestHash, Instant at) {
        return jdbc.sql(
                                """
                                insert into idempotent_request (owner, key, request_hash, created_at)
                                values (:owner, :key, :hash, :at)
                                on conflict (owner, key) do nothing
                                """)
                        .param("owner", owner)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    public Optional<Recorded> find(String owner, String key) {
        return jdbc.sql("select * from idempotent_request where owner = :owner and key = :key")
                .param("owner", owner)
                .param("key", key)
                .query((rs, n) -> new Recorded(
                        rs.getString("request_hash"),
                        (Integer) rs.getObject("status"),
                        rs.getString("media_type"),
                        Columns.json(rs, "headers", Columns.STRINGS),
                        rs.getBytes("body")))
                .optional();
    }

    public void complete(
            String owner, String key, int status, String mediaType, Map<String, String> headers, byte[] body) {
        jdbc.sql(
                        """
                        update idempotent_request set status = :status, media_type = :mediaType,
                            headers = cast(:headers as jsonb), body = :body
                        where owner = :owner and key = :key
                        """)
                .param("owner", owner)
                .param("key", key)
                .param("status", status)
                .param("mediaType", mediaType)
                .param("headers", Columns.json(headers))
                .param("body", body)
                .update();
    }

    /** Frees a key whose request failed unexpectedly, so that a retry can run. */
    public void release(String owner, String key) {
        jdbc.sql("delete from idempotent_request where owner = :owner and key = :key and status is null")
                .param("owner", owner)
                .param("key", key)
                .update();
    }

    /** Forgets keys older than {@code before}; returns how many. */
    public int expire(Instant before) {
        return jdbc.sql("delete from idempotent_request where created_at < :before")
                .param("before", timestamp(before))
                .update();
    }
}
