package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Columns.instant;
import static io.seamline.adapters.persistence.Columns.timestamp;

import io.seamline.model.as2.PartnerCertificate;
import io.seamline.model.partner.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' AS2 certificates; removed ones are kept for the record but no longer used. */
@Repository
public class PartnerCertificates {

    private final JdbcClient jdbc;

    public PartnerCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a certificate; false when the partner already has it. */
    public boolean add(PartnerCertificate certificate) {
        return jdbc.sql(
                                """
                                insert into partner_certificate (id, partner_id, fingerprint, subject, not_before,
                                    not_after, pem, added_at)
                                values (:id, :partner, :fingerprint, :subject, :notBefore, :notAfter, :pem, :added)
                                on conflict (partner_id, fingerprint) do nothing
                                """)
                        .param("id", certificate.id())
                        .param("partner", certificate.partnerId().value())
                        .param("fingerprint", certificate.fingerprint())
                        .param("subject", certificate.subject())
                        .param("notBefore", timestamp(certificate.notBefore()))
                        .param("notAfter", timestamp(certificate.notAfter()))
                        .param("pem", certificate.pem())
                        .param("added", timestamp(certificate.addedAt()))
                        .update()
                > 0;
    }

    /** A partner's certificates in use, newest first. */
    public List<PartnerCertificate> of(PartnerId partner) {
        return jdbc.sql("select * from partner_certificate where partner_id = :partner and removed_at is null"
                        + " order by not_before desc, added_at desc")
                .param("partner", partner.value())
                .query((rs, n) -> certificate(rs))
                .list();
    }

    public Optional<PartnerCertificate> find(PartnerId partner, UUID id) {
        return jdbc.sql("select * from partner_certificate where partner_id = :partner and id = :id"
                        + " and removed_at is null")
                .param("partner", partner.value())
                .param("id", id)
                .query((rs, n) -> certificate(rs))
                .optional();
    }

    /** Stops using a certificate (the partner revoked or replaced it). */
    public boolean remove(PartnerId partner, UUID id, Instant at) {
        return jdbc.sql("update partner_certificate set removed_at = :at where partner_id = :partner and id = :id"
                                + " and removed_at is null")
                        .param("partner", partner.value())
                        .param("id", id)
                        .param("at", timestamp(at))
                        .update()
                > 0;
    }

    /** Certificates in use that expire before {@code before}, soonest first (the dashboard's warnings). */
    public List<PartnerCertificate> expiringBefore(Instant before) {
        return jdbc.sql("select * from partner_certificate where removed_at is null and not_after < :before"
                        + " order by not_after, partner_id")
                .param("before", timestamp(before))
                .query((rs, n) -> certificate(rs))
                .list();
    }

    private static PartnerCertificate certificate(ResultSet rs) throws SQLException {
        return new PartnerCertificate(
                rs.getObject("id", UUID.class),
                PartnerId.of(rs.getString("partner_id")),
                rs.getString("fingerprint"),
                rs.getString("subject"),
                instant(rs, "not_before"),
                instant(rs, "not_after"),
                rs.getString("pem"),
                instant(rs, "added_at"));
    }
}
