package io.seamline.adapters.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.seamline.mappings.json.Json;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.LifecycleState;
import io.seamline.model.partner.NotLiveTraffic;
import io.seamline.model.partner.PartnerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each partner stands per document type and direction (ONBOARDING, TESTING, LIVE, SUSPENDED), the partner's
 * own state for the types it has no row for, what becomes of its production traffic of a type that is not LIVE, and
 * its own certification checklists.
 */
@Repository
public class PartnerLifecycles {

    private static final TypeReference<Map<String, List<String>>> CHECKLISTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionMemo<PartnerId, Standing> standings = new TransactionMemo<>(this::read);

    public PartnerLifecycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner's terms and the states of its document types, read once per transaction. */
    public record Standing(Terms terms, List<DocumentState> states) {

        public Standing {
            states = List.copyOf(states);
        }

        /** The state of a document type: its own, else the partner's. */
        public LifecycleState state(Direction direction, String documentType) {
            return states.stream()
                    .filter(s -> s.direction() == direction && s.documentType().equals(documentType))
                    .map(DocumentState::state)
                    .findFirst()
                    .orElse(terms.state());
        }
    }

    /** The partner's standing; empty for a partner we do not know. */
    public Optional<Standing> standing(PartnerId partner) {
        return Optional.ofNullable(standings.get(partner));
    }

    private Standing read(PartnerId partner) {
        return terms(partner).map(t -> new Standing(t, states(partner))).orElse(null);
    }

    /** A partner's terms: its own state, its not-LIVE traffic, its checklists (document type → scenario names). */
    public record Terms(LifecycleState state, NotLiveTraffic notLive, Map<String, List<String>> checklists) {

        public Terms {
            checklists = checklists == null ? Map.of() : Map.copyOf(checklists);
        }
    }

    /** One document type's state, with who set it, when and why. */
    public record DocumentState(
            PartnerId partner,
            Direction direction,
            String documentType,
            LifecycleState state,
            String reason,
            String changedBy,
            Instant changedAt) {}

    public Optional<Terms> terms(PartnerId partner) {
        return jdbc.sql(
                        "select lifecycle, not_live, cast(checklists as text) as checklists from partner where id = :id")
                .param("id", partner.value())
                .query((rs, n) -> new Terms(
                        LifecycleState.valueOf(rs.getString("lifecycle")),
                        NotLiveTraffic.valueOf(rs.getString("not_live")),
                        checklists(rs.getString("checklists"))))
                .optional();
    }

    public void setTerms(PartnerId partner, Terms terms) {
        standings.forget(partner);
        jdbc.sql("update partner set lifecycle = :state, not_live = :notLive, checklists = cast(:checklists as jsonb)"
                        + " where id = :id")
                .param("id", partner.value())
                .param("state", terms.state().name())
                .param("notLive", terms.notLive().name())
                .param("checklists", Json.write(terms.checklists()))
                .update();
    }

    /** The state of a document type when it has its own row. */
    public Optional<DocumentState> state(PartnerId partner, Direction direction, String documentType) {
        return jdbc.sql("select * from partner_document where partner_id = :partner and direction = :direction"
                        + " and document_type = :type")
                .param("partner", partner.value())
                .param("direction", direction.name())
                .param("type", documentType)
                .query((rs, n) -> documentState(rs))
                .optional();
    }

    /** Every document type of a partner that has its own state, by direction and type. */
    public List<DocumentState> states(PartnerId partner) {
        return jdbc.sql("select * from partner_document where partner_id = :partner order by direction, document_type")
                .param("partner", partner.value())
                .query((rs, n) -> documentState(rs))
                .list();
    }

    public void setState(DocumentState state) {
        standings.forget(state.partner());
        jdbc.sql(
                        """
                        insert into partner_document (partner_id, direction, document_type, state, reason, changed_by,
                            changed_at)
                        values (:partner, :direction, :type, :state, :reason, :by, :at)
                        on conflict (partner_id, direction, document_type) do update set state = excluded.state,
                            reason = excluded.reason, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        """)
                .param("partner", state.partner().value())
                .param("direction", state.direction().name())
                .param("type", state.documentType())
                .param("state", state.state().name())
                .param("reason", state.reason())
                .param("by", state.changedBy())
                .param("at", Timestamp.from(state.changedAt()))
                .update();
    }

    private static DocumentState documentState(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DocumentState(
                PartnerId.of(rs.getString("partner_id")),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("document_type"),
                LifecycleState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static Map<String, List<String>> checklists(String json) {
        try {
            return json == null ? Map.of() : Json.mapper().readValue(json, CHECKLISTS);
        } catch (IOException e) {
            throw new UncheckedIOException("a partner's checklists are not readable", e);
        }
    }
}
