package io.seamline.mappings.as2;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A new RSA key pair with a self-signed certificate: our AS2 key on a first start without a keystore (the demo), and
 * the partners' keys in tests. Production keys come from a keystore whose path and password are configuration.
 */
public final class SelfSigned {

    private SelfSigned() {}

    public static KeyEntry create(String alias, String commonName, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            var name = new X500Name("CN=" + commonName.replace(",", " ") + ", O=Seamline AS2");
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, new SecureRandom()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    name,
                    pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256WITHRSA")
                    .setProvider(Mime.BC)
                    .build(pair.getPrivate());
            var certificate =
                    new JcaX509CertificateConverter().setProvider(Mime.BC).getCertificate(builder.build(signer));
            return new KeyEntry(alias, pair.getPrivate(), certificate);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a certificate: " + e.getMessage(), e);
        }
    }
}
