package io.seamline.mappings.as2;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.bouncycastle.mail.smime.SMIMECompressedGenerator;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Seals our payload for a partner per agreement: compressed, then signed with our key, then encrypted to the
 * partner's certificate (RFC 5402 order), with the MIC we expect back in the MDN.
 */
public final class Sealing {

    private Sealing() {}

    /** How a partner wants our messages: each step is optional. */
    public record Agreement(MicAlgorithm signing, Encryption encryption, boolean compress) {}

    /** The HTTP body and its Content-Type, and the MIC of the payload part. */
    public record Sealed(String contentType, byte[] body, String mic) {}

    public static Sealed seal(
            byte[] payload,
            String contentType,
            String fileName,
            Agreement agreement,
            KeyEntry ours,
            X509Certificate partnerEncryption) {
        Objects.requireNonNull(agreement, "agreement");
        try {
            MimeBodyPart part = Mime.payload(payload, contentType, fileName);
            boolean secured = agreement.signing() != null || agreement.encryption() != null || agreement.compress();
            MicAlgorithm micAlgorithm = agreement.signing() == null ? MicAlgorithm.SHA256 : agreement.signing();
            String mic = Mime.mic(part, micAlgorithm, secured);
            if (agreement.compress()) {
                var compressor = new SMIMECompressedGenerator();
                compressor.setContentTransferEncoding("binary");
                part = compressor.generate(part, new ZlibCompressor());
            }
            if (agreement.signing() != null) {
                Objects.requireNonNull(ours, "our key is needed to sign");
                part = wrap(sign(part, ours, agreement.signing()));
            }
            if (agreement.encryption() != null) {
                Objects.requireNonNull(partnerEncryption, "the partner's certificate is needed to encrypt");
                var envelope = new SMIMEEnvelopedGenerator();
                envelope.setContentTransferEncoding("binary");
                envelope.addRecipientInfoGenerator(
                        new JceKeyTransRecipientInfoGenerator(partnerEncryption).setProvider(Mime.BC));
                part = envelope.generate(
                        part,
                        new JceCMSContentEncryptorBuilder(agreement.encryption().oid())
                                .setProvider(Mime.BC)
                                .build());
            }
            return new Sealed(Mime.unfold(part.getContentType()), Mime.body(part), mic);
        } catch (MessagingException
                | SMIMEException
                | CMSException
                | OperatorCreationException
                | CertificateEncodingException e) {
            throw new IllegalStateException("the message cannot be sealed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code multipart/signed} entity of the part, signed with our key, our certificate inside. */
    static MimeMultipart sign(MimeBodyPart part, KeyEntry ours, MicAlgorithm algorithm)
            throws OperatorCreationException, CertificateEncodingException, SMIMEException {
        var signer = new SMIMESignedGenerator();
        signer.setContentTransferEncoding("binary");
        signer.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .setProvider(Mime.BC)
                .build(algorithm.signature(), ours.key(), ours.certificate()));
        signer.addCertificates(new JcaCertStore(List.of(ours.certificate())));
        return signer.generate(part);
    }

    /** A multipart as a part of its own, its Content-Type (with the boundary) as the part's. */
    static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
        var part = new MimeBodyPart();
        part.setContent(multipart);
        part.setHeader("Content-Type", multipart.getContentType());
        return part;
    }
}
