package io.seamline.adapters.persistence;

import io.seamline.adapters.edi.PublishedMappings;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.model.partner.MappingVersion;
import io.seamline.model.partner.PartnerId;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partner EDI mappings published at run time, as versions: each has its author, reason and time; the partner's
 * {@code mapping_version} names the one in force (0: the mapping file). The version in force is read once per
 * transaction, so every node follows a publication from its next message; a version's parsed mapping is kept.
 */
@Repository
public class MappingVersions implements PublishedMappings {

    private final JdbcClient jdbc;
    private final TransactionMemo<String, Integer> current = new TransactionMemo<>(this::readCurrent);
    private final ConcurrentHashMap<String, Optional<PartnerMapping>> parsed = new ConcurrentHashMap<>();

    public MappingVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PartnerMapping> current(String partnerId) {
        Integer version = current.get(partnerId);
        if (version == null || version == 0) {
            return Optional.empty();
        }
        return parsed.computeIfAbsent(partnerId + "@" + version, key -> find(PartnerId.of(partnerId), version)
                .map(MappingVersion::mapping)
                .map(json -> PartnerMapping.parse(json.getBytes(StandardCharsets.UTF_8)))
                .filter(p -> p instanceof Parsed.Valid<PartnerMapping>)
                .map(p -> ((Parsed.Valid<PartnerMapping>) p).value()));
    }

    /** The version in force (0: the file). */
    public int currentVersion(PartnerId partner) {
        Integer version = current.get(partner.value());
        return version == null ? 0 : version;
    }

    private Integer readCurrent(String partnerId) {
        if (!PartnerId.isValid(partnerId)) {
            return 0;
        }
        return jdbc.sql("select mapping_version from partner where id = :partner")
                .param("partner", partnerId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /**
     * Publishes a version (its JSON, or null to run the file again) and puts it in force; inside a transaction.
     */
    public int publish(
            PartnerId partner,
            String mapping,
            String author,
            String reason,
            Instant at,
            Integer rolledBackFrom,
            UUID replay) {
        current.forget(partner.value());
        int next = jdbc.sql(
                        "select coalesce(max(version), 0) + 1 from partner_mapping_version where partner_id = :partner")
                .param("partner", partner.value())
                .query(Integer.class)
                .single();
        jdbc.sql(
                        """
                        insert into partner_mapping_version (partner_id, version, mapping, author, reason, created_at,
                            rolled_back_from, replay_id)
                        values (:partner, :version, cast(:mapping as jsonb), :author, :reason, :at, :from, :replay)
                        """)
                .param("partner", partner.value())
                .param("version", next)
                .param("mapping", mapping)
                .param("author", author)
                .param("reason", reason)
                .param("at", Columns.timestamp(at))
                .param("from", rolledBackFrom)
                .param("replay", replay)
                .update();
        jdbc.sql("update partner set mapping_version = :version where id = :partner")
                .param("partner", partner.value())
                .param("version", mapping == null ? 0 : next)
                .update();
        return next;
    }

    public List<MappingVersion> of(PartnerId partner) {
        return jdbc.sql("select * from partner_mapping_version where partner_id = :partner order by version desc")
                .param("partner", partner.value())
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<MappingVersion> find(PartnerId partner, int version) {
        return jdbc.sql("select * from partner_mapping_version where partner_id = :partner and version = :version")
                .param("partner", partner.value())
                .param("version", version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    private static MappingVersion version(ResultSet rs) throws SQLException {
        int from = rs.getInt("rolled_back_from");
        boolean none = rs.wasNull();
        return new MappingVersion(
                PartnerId.of(rs.getString("partner_id")),
                rs.getInt("version"),
                rs.getString("mapping"),
                rs.getString("author"),
                rs.getString("reason"),
                Columns.instant(rs, "created_at"),
                none ? null : from,
                rs.getObject("replay_id", UUID.class));
    }
}
