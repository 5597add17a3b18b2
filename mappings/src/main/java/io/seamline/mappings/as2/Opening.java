package io.seamline.mappings.as2;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.bouncycastle.mail.smime.SMIMECompressed;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Opens a partner's AS2 message: decrypts it with one of our keys (the current one or one still honoured during a
 * rollover), decompresses it, verifies its signature against the partner's certificates valid now, and computes the
 * MIC the MDN returns. A failure names the disposition the MDN must carry and why.
 */
public final class Opening {

    private Opening() {}

    /** What the receiver knows: our keys (newest first), the partner's certificates, the time, the MIC asked for. */
    public record Keys(List<KeyEntry> ours, List<X509Certificate> partner, boolean signatureRequired, Instant now) {

        public Keys {
            ours = List.copyOf(ours);
            partner = List.copyOf(partner);
            Objects.requireNonNull(now, "now");
        }
    }

    /** The result of opening a message. */
    public sealed interface Opened {}

    /**
     * The payload and how it came: {@code mic} is over the payload part, with its headers when the message was
     * signed, encrypted or compressed.
     */
    public record Payload(
            byte[] content,
            String contentType,
            String fileName,
            boolean signed,
            boolean encrypted,
            boolean compressed,
            X509Certificate signer,
            String mic)
            implements Opened {}

    /** Why the message cannot be taken, as the MDN's disposition. */
    public record Refused(Disposition disposition, String reason) implements Opened {}

    /**
     * Opens the HTTP body of a message. {@code micAlgorithm} is the one the sender asked for in its
     * Disposition-Notification-Options (SHA-256 when it asked for none).
     */
    public static Opened open(
            String contentType, String transferEncoding, byte[] body, Keys keys, MicAlgorithm micAlgorithm) {
        MimeBodyPart part;
        try {
            part = Mime.entity(contentType, transferEncoding, body);
            Mime.baseType(part);
        } catch (MessagingException | RuntimeException e) {
            return refused(
                    Disposition.UNEXPECTED_PROCESSING_ERROR, "the message is not a MIME entity: " + e.getMessage());
        }
        boolean encrypted = false;
        boolean compressed = false;
        boolean signed = false;
        X509Certificate signer = null;
        try {
            if (Mime.isPkcs7Mime(part) && Mime.smimeType(part).equals("enveloped-data")) {
                Optional<MimeBodyPart> decrypted = decrypt(part, keys.ours());
                if (decrypted.isEmpty()) {
                    return refused(Disposition.DECRYPTION_FAILED, "no key of ours opens the message");
                }
                part = decrypted.get();
                encrypted = true;
            }
            if (isCompressed(part)) {
                part = decompress(part);
                compressed = true;
            }
            if (Mime.baseType(part).equals("multipart/signed")) {
                var checked = verify(part, keys);
                if (checked instanceof Refused refused) {
                    return refused;
                }
                var verified = (Verified) checked;
                part = verified.content();
                signer = verified.signer();
                signed = true;
            } else if (keys.signatureRequired()) {
                return refused(
                        Disposition.AUTHENTICATION_FAILED,
                        keys.partner().isEmpty()
                                ? "the message is not signed, and no certificate of the sender is on file to verify"
                                        + " a signature with"
                                : "the agreement requires a signed message");
            }
            if (isCompressed(part)) {
                if (compressed) {
                    return refused(Disposition.DECOMPRESSION_FAILED, "the message is compressed twice");
                }
                part = decompress(part);
                compressed = true;
            }
            String mic = Mime.mic(part, micAlgorithm, signed || encrypted || compressed);
            return new Payload(
                    Mime.bytes(part),
                    Mime.unfold(part.getContentType()),
                    part.getFileName(),
                    signed,
                    encrypted,
                    compressed,
                    signer,
                    mic);
        } catch (Decompression e) {
            return refused(Disposition.DECOMPRESSION_FAILED, e.getMessage());
        } catch (MessagingException | IOException | CMSException | RuntimeException e) {
            return refused(Disposition.UNEXPECTED_PROCESSING_ERROR, "the message cannot be read: " + e.getMessage());
        }
    }

    private static Refused refused(String problem, String reason) {
        return new Refused(Disposition.error(problem), reason);
    }

    private static boolean isCompressed(MimeBodyPart part) throws MessagingException {
        return Mime.isPkcs7Mime(part) && Mime.smimeType(part).equals("compressed-data");
    }

    private static Optional<MimeBodyPart> decrypt(MimeBodyPart part, List<KeyEntry> ours) {
        try {
            var envelope = new SMIMEEnveloped(part);
            Collection<RecipientInformation> recipients =
                    envelope.getRecipientInfos().getRecipients();
            for (KeyEntry key : ours) {
                for (RecipientInformation recipient : recipients) {
                    if (!recipient.getRID().match(new JcaX509CertificateHolder(key.certificate()))) {
                        continue;
                    }
                    byte[] content =
                            recipient.getContent(new JceKeyTransEnvelopedRecipient(key.key()).setProvider(Mime.BC));
                    return Optional.of(SMIMEUtil.toMimeBodyPart(content));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static MimeBodyPart decompress(MimeBodyPart part) {
        try {
            byte[] content = new SMIMECompressed(part).getContent(new ZlibExpanderProvider());
            return SMIMEUtil.toMimeBodyPart(content);
        } catch (Exception e) {
            throw new Decompression("the compressed content cannot be expanded: " + e.getMessage());
        }
    }

    private record Verified(MimeBodyPart content, X509Certificate signer) {}

    /**
     * Checks the signature with the partner's certificate that made it: a certificate we do not hold for the partner,
     * or one not valid now, fails authentication; content that does not match its signed digest fails integrity.
     */
    @SuppressWarnings("unchecked")
    private static Object verify(MimeBodyPart part, Keys keys) throws MessagingException, CMSException, IOException {
        var signed = new SMIMESigned((MimeMultipart) part.getContent());
        var signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return refused(Disposition.AUTHENTICATION_FAILED, "the signature has no signer");
        }
        SignerInformation signerInfo = signers.iterator().next();
        Store<X509CertificateHolder> embedded = signed.getCertificates();
        X509Certificate certificate = null;
        for (X509Certificate candidate : keys.partner()) {
            try {
                if (signerInfo.getSID().match(new JcaX509CertificateHolder(candidate))) {
                    certificate = candidate;
                    break;
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                // not usable, try the next
            }
        }
        if (certificate == null) {
            boolean carried = !embedded.getMatches(signerInfo.getSID()).isEmpty();
            return refused(
                    Disposition.AUTHENTICATION_FAILED,
                    carried
                            ? "the message is signed with a certificate we do not hold for this partner"
                            : "the message is signed by an unknown signer");
        }
        Date now = Date.from(keys.now());
        if (now.before(certificate.getNotBefore()) || now.after(certificate.getNotAfter())) {
            return refused(
                    Disposition.AUTHENTICATION_FAILED,
                    "the partner's certificate "
                            + certificate.getSubjectX500Principal().getName() + " is valid from "
                            + certificate.getNotBefore().toInstant() + " to "
                            + certificate.getNotAfter().toInstant());
        }
        try {
            boolean valid = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Mime.BC)
                    .build(certificate));
            if (!valid) {
                return refused(Disposition.AUTHENTICATION_FAILED, "the signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return refused(Disposition.INTEGRITY_CHECK_FAILED, "the content does not match its signature");
        } catch (OperatorCreationException | CMSException e) {
            return refused(Disposition.AUTHENTICATION_FAILED, "the signature cannot be checked: " + e.getMessage());
        }
        return new Verified(signed.getContent(), certificate);
    }

    private static final class Decompression extends RuntimeException {
        Decompression(String message) {
            super(message);
        }
    }
}
