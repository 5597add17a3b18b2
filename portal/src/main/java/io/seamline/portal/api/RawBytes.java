package io.seamline.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;

/**
 * How archived bytes are served, by the API and the portal alike: always as a download, never as a page. Whatever a
 * partner said its upload was ({@code text/html}, an SVG with a script), a browser gets it as an attachment with
 * {@code nosniff} and a policy that runs nothing; only media types that cannot act in a browser are named as such.
 */
public final class RawBytes {

    /** Nothing in such a response may load, run, frame or be framed. */
    public static final String POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

    private static final Set<String> INERT = Set.of(
            "application/edi-x12",
            "application/edifact",
            "application/edi-consent",
            "application/json",
            "application/xml",
            "application/pdf",
            "application/octet-stream",
            "message/rfc822",
            "text/plain",
            "text/csv");

    private RawBytes() {}

    /** The stored media type if it is one that cannot act in a browser, else {@code application/octet-stream}. */
    public static String mediaType(String stored) {
        if (stored == null) {
            return "application/octet-stream";
        }
        String base = stored.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return INERT.contains(base) ? base : "application/octet-stream";
    }

    /** The headers of a download of {@code fileName}: attachment, nosniff, the policy, the content's SHA-256. */
    public static Map<String, String> headers(String fileName, String sha256) {
        return Map.of(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString(),
                "X-Content-Type-Options",
                "nosniff",
                "Content-Security-Policy",
                POLICY,
                "X-Content-SHA256",
                sha256);
    }
}
