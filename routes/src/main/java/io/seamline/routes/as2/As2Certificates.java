package io.seamline.routes.as2;

import io.seamline.adapters.persistence.PartnerCertificates;
import io.seamline.coordination.audit.Audit;
import io.seamline.coordination.sla.SlaExpectations;
import io.seamline.coordination.sla.SlaProfile;
import io.seamline.mappings.as2.Certificates;
import io.seamline.mappings.as2.KeyEntry;
import io.seamline.model.Subject;
import io.seamline.model.as2.PartnerCertificate;
import io.seamline.model.audit.AuditKind;
import io.seamline.model.partner.PartnerId;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates on both sides of AS2. A partner's new certificate is accepted beside its old one (both verify while
 * both are valid, so a rollover needs no cut-over); we encrypt to the newest valid one. Each certificate in use is an
 * SLA expectation — a renewal due at its expiry, warned of {@code seamline.as2.certificate-warning} before — met when a
 * newer one arrives, so expiry shows on the SLA dashboard and in its alerts before traffic stops. Ours too.
 */
@Service
public class As2Certificates {

    /** The subject of our own certificates' expectations. */
    static final Subject OURS = new Subject("certificate", "ours");

    private final PartnerCertificates certificates;
    private final SlaExpectations slaExpectations;
    private final As2Keys keys;
    private final As2Settings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final Audit audit;

    public As2Certificates(
            PartnerCertificates certificates,
            SlaExpectations slaExpectations,
            As2Keys keys,
            As2Settings settings,
            TransactionTemplate transactions,
            Audit audit,
            Clock clock) {
        this.audit = audit;
        this.certificates = certificates;
        this.slaExpectations = slaExpectations;
        this.keys = keys;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adding a certificate: its record, or why it was refused. */
    public sealed interface Added {
        record Certificate(PartnerCertificate certificate, boolean isNew) implements Added {}

        record Refused(String reason) implements Added {}
    }

    /** Adds a partner's certificate (PEM or DER). An expired one is refused; one already on file is not added twice. */
    public Added add(PartnerId partner, byte[] pemOrDer, String actor) {
        X509Certificate certificate;
        try {
            certificate = Certificates.read(pemOrDer);
        } catch (IllegalArgumentException e) {
            return new Added.Refused(e.getMessage());
        }
        Instant now = clock.instant();
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            return new Added.Refused(
                    "the certificate expired on " + certificate.getNotAfter().toInstant());
        }
        var record = new PartnerCertificate(
                UUID.randomUUID(),
                partner,
                Certificates.fingerprint(certificate),
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                Certificates.pem(certificate),
                now);
        return transactions.execute(tx -> {
            boolean added = certificates.add(record);
            if (!added) {
                return new Added.Certificate(
                        certificates.of(partner).stream()
                                .filter(c -> c.fingerprint().equals(record.fingerprint()))
                                .findFirst()
                                .orElse(record),
                        false);
            }
            audit.record(
                    actor,
                    AuditKind.CERTIFICATE_ADDED,
                    partner,
                    "partner/" + partner + "/certificates/" + record.id(),
                    null,
                    view(record),
                    null);
            Subject subject = new Subject(Subject.PARTNER, partner.value());
            // a newer certificate renews the ones that expire before it
            for (PartnerCertificate older : certificates.of(partner)) {
                if (older.notAfter().isBefore(record.notAfter())) {
                    slaExpectations.met(SlaProfile.Kind.CERTIFICATE_RENEWAL, subject, older.fingerprint(), null);
                }
            }
            slaExpectations.expectBetween(
                    SlaProfile.Kind.CERTIFICATE_RENEWAL,
                    subject,
                    partner,
                    record.notAfter().minus(settings.certificateWarning()),
                    record.notAfter(),
                    record.fingerprint(),
                    "certificate:" + partner + ":" + record.fingerprint());
            return new Added.Certificate(record, true);
        });
    }

    /** A certificate as the audit trail keeps it: what identifies it, not its bytes. */
    private static java.util.Map<String, Object> view(PartnerCertificate certificate) {
        return java.util.Map.of(
                "subject", certificate.subject(),
                "fingerprint", certificate.fingerprint(),
                "notAfter", certificate.notAfter().toString());
    }

    public List<PartnerCertificate> of(PartnerId partner) {
        return certificates.of(partner);
    }

    public boolean remove(PartnerId partner, UUID id, String actor) {
        return transactions.execute(tx -> {
            var certificate = certificates.find(partner, id);
            if (certificate.isEmpty() || !certificates.remove(partner, id, clock.instant())) {
                return false;
            }
            audit.record(
                    actor,
                    AuditKind.CERTIFICATE_REMOVED,
                    partner,
                    "partner/" + partner + "/certificates/" + id,
                    view(certificate.get()),
                    null,
                    null);
            slaExpectations.met(
                    SlaProfile.Kind.CERTIFICATE_RENEWAL,
                    new Subject(Subject.PARTNER, partner.value()),
                    certificate.get().fingerprint(),
                    null);
            return true;
        });
    }

    /** The partner's certificates in use, to verify its signatures (validity is checked at the time of use). */
    public List<X509Certificate> verifying(PartnerId partner) {
        return certificates.of(partner).stream()
                .map(c -> Certificates.read(c.pem()))
                .toList();
    }

    /** The partner's newest certificate valid now, to encrypt to. */
    public Optional<X509Certificate> encryptingTo(PartnerId partner) {
        Instant now = clock.instant();
        return certificates.of(partner).stream()
                .filter(c -> c.validAt(now))
                .max(Comparator.comparing(PartnerCertificate::notBefore))
                .map(c -> Certificates.read(c.pem()));
    }

    /** A certificate that expires soon: a partner's, or ours (partner null). */
    public record Expiring(PartnerId partner, String subject, String fingerprint, Instant notAfter) {}

    /** Certificates in use, ours and partners', that expire within the warning period, soonest first. */
    public List<Expiring> expiring() {
        Instant horizon = clock.instant().plus(settings.certificateWarning());
        var expiring = new ArrayList<Expiring>();
        for (PartnerCertificate c : certificates.expiringBefore(horizon)) {
            expiring.add(new Expiring(c.partnerId(), c.subject(), c.fingerprint(), c.notAfter()));
        }
        for (KeyEntry key : keys.decrypting()) {
            Instant notAfter = key.certificate().getNotAfter().toInstant();
            if (notAfter.isBefore(horizon)) {
                expiring.add(new Expiring(
                        null,
                        key.certificate().getSubjectX500Principal().getName(),
                        Certificates.fingerprint(key.certificate()),
                        notAfter));
            }
        }
        expiring.sort(Comparator.comparing(Expiring::notAfter));
        return expiring;
    }

    /** Our current certificate is an expectation too; those of keys no longer current are renewed by it. */
    @EventListener(ApplicationReadyEvent.class)
    public void watchOurOwn() {
        keys.current()
                .ifPresent(current -> transactions.executeWithoutResult(tx -> {
                    String fingerprint = Certificates.fingerprint(current.certificate());
                    for (KeyEntry previous : keys.decrypting()) {
                        if (previous != current) {
                            slaExpectations.met(
                                    SlaProfile.Kind.CERTIFICATE_RENEWAL,
                                    OURS,
                                    Certificates.fingerprint(previous.certificate()),
                                    null);
                        }
                    }
                    Instant notAfter = current.certificate().getNotAfter().toInstant();
                    slaExpectations.expectBetween(
                            SlaProfile.Kind.CERTIFICATE_RENEWAL,
                            OURS,
                            null,
                            notAfter.minus(settings.certificateWarning()),
                            notAfter,
                            fingerprint,
                            "certificate:ours:" + fingerprint);
                }));
    }
}
