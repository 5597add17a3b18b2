package io.seamline.gateway;

import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.security.cert.X509Certificate;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMESigned;

/** Checks an S/MIME signature the way any partner would, with BouncyCastle directly (not the gateway's own code). */
final class Signatures {

    private Signatures() {}

    static boolean verified(String contentType, byte[] body, X509Certificate signer) throws Exception {
        var headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        var part = new MimeBodyPart(headers, body);
        var signed = new SMIMESigned((MimeMultipart) part.getContent());
        for (SignerInformation information : signed.getSignerInfos().getSigners()) {
            if (!information.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(signer))) {
                return false;
            }
        }
        return !signed.getSignerInfos().getSigners().isEmpty();
    }
}
