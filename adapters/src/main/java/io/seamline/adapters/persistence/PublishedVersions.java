package io.seamline.adapters.persistence;

import io.seamline.adapters.edi.PublishedMappings;
import io.seamline.adapters.email.PublishedTemplates;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.edi.PartnerMapping;
import io.seamline.mappings.email.EmailTemplate;
import io.seamline.model.partner.MappingVersion;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PublishedKind;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partner EDI mappings and e-mail templates published at run time, as versions with their author, reason and time;
 * the partner's {@code mapping_version} and {@code template_version} name the ones in force (0: the file). The version
 * in force is read once per transaction, so every node follows a publication from its next message; a version's
 * parsed document is kept.
 */
@Repository
public class PublishedVersions implements PublishedMappings, PublishedTemplates {

    private final JdbcClient jdbc;
    private final TransactionMemo<String, Integer> mapping = new TransactionMemo<>(p -> read(p, PublishedKind.MAPPING));
    private final TransactionMemo<String, Integer> template =
            new TransactionMemo<>(p -> read(p, PublishedKind.TEMPLATE));
    private final ConcurrentHashMap<String, Optional<Object>> parsed = new ConcurrentHashMap<>();

    public PublishedVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PartnerMapping> current(String partnerId) {
        return inForce(partnerId, PublishedKind.MAPPING, PartnerMapping::parse).map(PartnerMapping.class::cast);
    }

    @Override
    public Optional<EmailTemplate> template(String partnerId) {
        return inForce(partnerId, PublishedKind.TEMPLATE, EmailTemplate::parse).map(EmailTemplate.class::cast);
    }

    private Optional<Object> inForce(String partnerId, PublishedKind kind, Function<byte[], Parsed<?>> parse) {
        if (partnerId == null) {
            return Optional.empty();
        }
        int version = currentVersion(partnerId, kind);
        if (version == 0) {
            return Optional.empty();
        }
        return parsed.computeIfAbsent(
                kind + ":" + partnerId + "@" + version, key -> find(PartnerId.of(partnerId), kind, version)
                        .map(MappingVersion::mapping)
                        .map(json -> parse.apply(json.getBytes(StandardCharsets.UTF_8)))
                        .filter(p -> p instanceof Parsed.Valid<?>)
                        .map(p -> ((Parsed.Valid<?>) p).value()));
    }

    /** The version in force (0: the file). */
    public int currentVersion(PartnerId partner, PublishedKind kind) {
        return currentVersion(partner.value(), kind);
    }

    private int currentVersion(String partnerId, PublishedKind kind) {
        Integer version = (kind == PublishedKind.MAPPING ? mapping : template).get(partnerId);
        return version == null ? 0 : version;
    }

    private Integer read(String partnerId, PublishedKind kind) {
        if (!PartnerId.isValid(partnerId)) {
            return 0;
        }
        return jdbc.sql("select " + kind.column() + " from partner where id = :partner")
                .param("partner", partnerId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Publishes a version (its JSON, or null to run the file again) and puts it in force; inside a transaction. */
    public int publish(
            PartnerId partner,
            PublishedKind kind,
            String document,
            String author,
            String reason,
            Instant at,
            Integer rolledBackFrom,
            UUID replay) {
        (kind == PublishedKind.MAPPING ? mapping : template).forget(partner.value());
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from partner_published_version"
                        + " where partner_id = :partner and kind = :kind")
                .param("partner", partner.value())
                .param("kind", kind.name())
                .query(Integer.class)
                .single();
        jdbc.sql(
                        """
                        insert into partner_published_version (partner_id, kind, version, document, author, reason,
                            created_at, rolled_back_from, replay_id)
                        values (:partner, :kind, :version, cast(:document as jsonb), :author, :reason, :at, :from,
                            :replay)
                        """)
                .param("partner", partner.value())
                .param("kind", kind.name())
                .param("version", next)
                .param("document", document)
                .param("author", author)
                .param("reason", reason)
                .param("at", Columns.timestamp(at))
                .param("from", rolledBackFrom)
                .param("replay", replay)
                .update();
        jdbc.sql("update partner set " + kind.column() + " = :version where id = :partner")
                .param("partner", partner.value())
                .param("version", document == null ? 0 : next)
                .update();
        return next;
    }

    public List<MappingVersion> of(PartnerId partner, PublishedKind kind) {
        return jdbc.sql("select * from partner_published_version where partner_id = :partner and kind = :kind"
                        + " order by version desc")
                .param("partner", partner.value())
                .param("kind", kind.name())
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<MappingVersion> find(PartnerId partner, PublishedKind kind, int version) {
        return jdbc.sql("select * from partner_published_version where partner_id = :partner and kind = :kind"
                        + " and version = :version")
                .param("partner", partner.value())
                .param("kind", kind.name())
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
                rs.getString("document"),
                rs.getString("author"),
                rs.getString("reason"),
                Columns.instant(rs, "created_at"),
                none ? null : from,
                rs.getObject("replay_id", UUID.class));
    }
}
