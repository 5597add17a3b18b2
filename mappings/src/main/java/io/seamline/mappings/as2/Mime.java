package io.seamline.mappings.as2;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** MIME entities as AS2 carries them over HTTP: a body and its Content-Type (and transfer encoding) as headers. */
final class Mime {

    static final Provider BC;

    static {
        Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        BC = installed != null ? installed : new BouncyCastleProvider();
    }

    static final Session SESSION = Session.getInstance(new java.util.Properties());

    private static final byte[] CRLF = {'\r', '\n'};

    private Mime() {}

    /** An HTTP body as the MIME entity it is; a missing transfer encoding means binary. */
    static MimeBodyPart entity(String contentType, String transferEncoding, byte[] body) throws MessagingException {
        var headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        if (transferEncoding != null && !transferEncoding.isBlank()) {
            headers.setHeader("Content-Transfer-Encoding", transferEncoding.strip());
        }
        return new MimeBodyPart(headers, body);
    }

    /** A payload as a MIME part with explicit headers (they count in the MIC). */
    static MimeBodyPart payload(byte[] content, String contentType, String fileName) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", "binary");
        if (fileName != null && !fileName.isBlank()) {
            part.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
        }
        return part;
    }

    /** The part's base content type, lower case ({@code multipart/signed}). */
    static String baseType(MimeBodyPart part) throws MessagingException {
        return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    }

    static String smimeType(MimeBodyPart part) throws MessagingException {
        String type = new ContentType(part.getContentType()).getParameter("smime-type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    static boolean isPkcs7Mime(MimeBodyPart part) throws MessagingException {
        String base = baseType(part);
        return base.equals("application/pkcs7-mime") || base.equals("application/x-pkcs7-mime");
    }

    /** A header value on one line, as HTTP wants it. */
    static String unfold(String value) {
        return value == null ? null : MimeUtility.unfold(value).replaceAll("\\s*\\r?\\n\\s*", " ");
    }

    /**
     * The body of a part as it goes on the wire after its headers: a multipart's parts with their boundaries, or the
     * content in its transfer encoding.
     */
    static byte[] body(MimeBodyPart part) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream();
        part.writeTo(out);
        byte[] whole = out.toByteArray();
        for (int i = 0; i + 3 < whole.length; i++) {
            if (whole[i] == '\r' && whole[i + 1] == '\n' && whole[i + 2] == '\r' && whole[i + 3] == '\n') {
                return java.util.Arrays.copyOfRange(whole, i + 4, whole.length);
            }
        }
        throw new MessagingException("the part has no header block");
    }

    /**
     * The MIC of a part (RFC 4130 7.3.1): the digest of its header lines and content when the message was signed,
     * encrypted or compressed, of the content alone when it was sent in the clear; written {@code base64, sha-256}.
     */
    static String mic(MimeBodyPart part, MicAlgorithm algorithm, boolean withHeaders) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.digest());
            if (withHeaders) {
                Enumeration<String> lines = part.getAllHeaderLines();
                while (lines.hasMoreElements()) {
                    digest.update(lines.nextElement().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    digest.update(CRLF);
                }
                digest.update(CRLF);
            }
            String encoding = part.getEncoding();
            try (OutputStream sink = new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest);
                    OutputStream encoded = encodedBy(sink, encoding)) {
                part.getDataHandler().writeTo(encoded);
            }
            return Base64.getEncoder().encodeToString(digest.digest()) + ", " + algorithm.as2Name();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the part cannot be read: " + e.getMessage(), e);
        }
    }

    private static OutputStream encodedBy(OutputStream out, String encoding) throws MessagingException {
        if (encoding == null) {
            return out;
        }
        String e = encoding.toLowerCase(Locale.ROOT);
        return e.equals("binary") || e.equals("7bit") || e.equals("8bit") ? out : MimeUtility.encode(out, e);
    }

    static byte[] bytes(MimeBodyPart part) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
