package io.seamline.adapters.persistence;

import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.ProfileVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of each partner's configuration: its profile as it ran (JSON in the onboarding shape), who made it,
 * why and when; which one runs is {@code partner.config_version}. Versions are appended, never changed.
 */
@Repository
public class PartnerVersions {

    private final JdbcClient jdbc;
    private final TransactionMemo<PartnerId, Integer> current = new TransactionMemo<>(this::readCurrent);

    public PartnerVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the next version and makes it the one that runs; returns its number. Inside a transaction. */
    public int append(
            PartnerId partner, String profile, String author, String reason, Instant at, Integer rolledBackFrom) {
        return append(partner, profile, author, reason, at, rolledBackFrom, null);
    }

    /** The same, naming the replay the change was judged on. */
    public int append(
            PartnerId partner,
            String profile,
            String author,
            String reason,
            Instant at,
            Integer rolledBackFrom,
            java.util.UUID replay) {
        current.forget(partner);
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from partner_version where partner_id = :partner")
                .param("partner", partner.value())
                .query(Integer.class)
                .single();
        jdbc.sql(
                        """
                        insert into partner_version (partner_id, version, profile, author, reason, created_at,
                            rolled_back_from, replay_id)
                        values (:partner, :version, cast(:profile as jsonb), :author, :reason, :at, :from, :replay)
                        """)
                .param("partner", partner.value())
                .param("version", next)
                .param("profile", profile)
                .param("author", author)
                .param("reason", reason)
                .param("at", Columns.timestamp(at))
                .param("from", rolledBackFrom)
                .param("replay", replay)
                .update();
        jdbc.sql("update partner set config_version = :version where id = :partner")
                .param("partner", partner.value())
                .param("version", next)
                .update();
        return next;
    }

    /** The version that runs now (0 for a partner whose profile has not been versioned yet). */
    public int current(PartnerId partner) {
        Integer version = current.get(partner);
        return version == null ? 0 : version;
    }

    private Integer readCurrent(PartnerId partner) {
        return jdbc.sql("select config_version from partner where id = :partner")
                .param("partner", partner.value())
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** Every version of a partner, newest first. */
    public List<ProfileVersion> of(PartnerId partner) {
        return jdbc.sql(
                        "select partner_id, version, cast(profile as text) as profile, author, reason, created_at,"
                                + " rolled_back_from, replay_id from partner_version where partner_id = :partner order by version desc")
                .param("partner", partner.value())
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<ProfileVersion> find(PartnerId partner, int version) {
        return jdbc.sql(
                        "select partner_id, version, cast(profile as text) as profile, author, reason, created_at,"
                                + " rolled_back_from, replay_id from partner_version where partner_id = :partner and version = :version")
                .param("partner", partner.value())
                .param("version", version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    private static ProfileVersion version(ResultSet rs) throws SQLException {
        int from = rs.getInt("rolled_back_from");
        return new ProfileVersion(
                PartnerId.of(rs.getString("partner_id")),
                rs.getInt("version"),
                rs.getString("profile"),
                rs.getString("author"),
                rs.getString("reason"),
                Columns.instant(rs, "created_at"),
                rs.wasNull() ? null : from,
                rs.getObject("replay_id", java.util.UUID.class));
    }
}
