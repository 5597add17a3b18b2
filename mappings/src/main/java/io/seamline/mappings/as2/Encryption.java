package io.seamline.mappings.as2;

import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/** How a message is encrypted for its receiver (the content cipher of the CMS envelope). */
public enum Encryption {
    DES3("3des", CMSAlgorithm.DES_EDE3_CBC),
    AES128("aes128-cbc", CMSAlgorithm.AES128_CBC),
    AES192("aes192-cbc", CMSAlgorithm.AES192_CBC),
    AES256("aes256-cbc", CMSAlgorithm.AES256_CBC);

    private final String as2Name;
    private final ASN1ObjectIdentifier oid;

    Encryption(String as2Name, ASN1ObjectIdentifier oid) {
        this.as2Name = as2Name;
        this.oid = oid;
    }

    public String as2Name() {
        return as2Name;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** {@code aes256-cbc}, {@code aes256}, {@code 3des}. */
    public static Optional<Encryption> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.strip().toLowerCase(Locale.ROOT).replace("_", "-");
        for (Encryption encryption : values()) {
            if (encryption.as2Name.equals(plain)
                    || encryption.as2Name.replace("-cbc", "").equals(plain)) {
                return Optional.of(encryption);
            }
        }
        return Optional.empty();
    }
}
