package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.json;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our trading partners, their identifiers and channel profiles. */
@Repository
public class Partners {

    private static final TypeReference<List<ChannelProfile>> CHANNELS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionMemo<PartnerId, Optional<Partner>> byId = new TransactionMemo<>(
            id -> load("where p.id = :id", Map.of("id", id.value())).stream().findFirst());
    /** Who goes by an identifier, read once per transaction: a batch's interchanges mostly come from a few senders. */
    private final TransactionMemo<PartnerIdentifier, Optional<PartnerId>> byIdentifier =
            new TransactionMemo<>(this::readIdentify);

    public Partners(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a new partner; fails with a duplicate-key error if its id or one of its identifiers is taken. */
    public void add(Partner partner) {
        byId.forget();
        byIdentifier.forget();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(
                        """
                        insert into partner (id, name, role, channels, sla, policy, created_at, updated_at)
                        values (:id, :name, :role, cast(:channels as jsonb), cast(:sla as jsonb),
                                cast(:policy as jsonb), :now, :now)
                        """)
                .param("id", partner.id().value())
                .param("name", partner.name())
                .param("role", partner.role().name())
                .param("channels", json(partner.channels()))
                .param("sla", json(partner.sla()))
                .param("policy", json(partner.policy()))
                .param("now", now)
                .update();
        insertIdentifiers(partner);
    }

    /** Replaces a partner's profile and identifiers. */
    public void update(Partner partner) {
        byId.forget();
        byIdentifier.forget();
        jdbc.sql(
                        """
                        update partner set name = :name, role = :role, channels = cast(:channels as jsonb),
                               sla = cast(:sla as jsonb), policy = cast(:policy as jsonb), updated_at = :now
                        where id = :id
                        """)
                .param("id", partner.id().value())
                .param("name", partner.name())
                .param("role", partner.role().name())
                .param("channels", json(partner.channels()))
                .param("sla", json(partner.sla()))
                .param("policy", json(partner.policy()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("delete from partner_identifier where partner_id = :id")
                .param("id", partner.id().value())
                .update();
        insertIdentifiers(partner);
    }

    private void insertIdentifiers(Partner partner) {
        for (PartnerIdentifier identifier : partner.identifiers()) {
            jdbc.sql(
                            """
                            insert into partner_identifier (scheme, qualifier, value, partner_id)
                            values (:scheme, :qualifier, :value, :partner)
                            """)
                    .param("scheme", identifier.scheme().name())
                    .param("qualifier", identifier.qualifier())
                    .param("value", identifier.value())
                    .param("partner", partner.id().value())
                    .update();
        }
    }

    public boolean exists(PartnerId id) {
        return jdbc.sql("select count(*) from partner where id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The partner; within a transaction it is read once (a message's steps ask for it many times). */
    public Optional<Partner> find(PartnerId id) {
        return byId.get(id);
    }

    public List<Partner> all() {
        return load("", Map.of());
    }

    /** Which partner goes by this identifier, if any; within a transaction it is read once. */
    public Optional<PartnerId> identify(PartnerIdentifier identifier) {
        return byIdentifier.get(identifier);
    }

    private Optional<PartnerId> readIdentify(PartnerIdentifier identifier) {
        return jdbc.sql(
                        """
                        select partner_id from partner_identifier
                        where scheme = :scheme and qualifier = :qualifier and value = :value
                        """)
                .param("scheme", identifier.scheme().name())
                .param("qualifier", identifier.qualifier())
                .param("value", identifier.value())
                .query(String.class)
                .optional()
                .map(PartnerId::of);
    }

    /** The identifiers among these that another partner than {@code owner} already goes by. */
    public List<PartnerIdentifier> takenByOthers(PartnerId owner, List<PartnerIdentifier> identifiers) {
        var taken = new ArrayList<PartnerIdentifier>();
        for (PartnerIdentifier identifier : identifiers) {
            identify(identifier).filter(p -> !p.equals(owner)).ifPresent(p -> taken.add(identifier));
        }
        return taken;
    }

    private List<Partner> load(String where, Map<String, ?> params) {
        var identifiers = new LinkedHashMap<String, List<PartnerIdentifier>>();
        jdbc.sql("select i.* from partner_identifier i join partner p on p.id = i.partner_id " + where
                        + " order by i.scheme, i.qualifier, i.value")
                .params(params)
                .query(rs -> {
                    identifiers
                            .computeIfAbsent(rs.getString("partner_id"), k -> new ArrayList<>())
                            .add(new PartnerIdentifier(
                                    IdentifierScheme.valueOf(rs.getString("scheme")),
                                    rs.getString("qualifier"),
                                    rs.getString("value")));
                });
        return jdbc.sql("select p.* from partner p " + where + " order by p.id")
                .params(params)
                .query((rs, n) -> partner(rs, identifiers.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    private static Partner partner(ResultSet rs, List<PartnerIdentifier> identifiers) throws SQLException {
        return new Partner(
                PartnerId.of(rs.getString("id")),
                rs.getString("name"),
                PartnerRole.valueOf(rs.getString("role")),
                identifiers,
                Columns.json(rs, "channels", CHANNELS),
                Columns.json(rs, "sla", Columns.STRINGS),
                Columns.json(rs, "policy", Columns.STRINGS));
    }
}
