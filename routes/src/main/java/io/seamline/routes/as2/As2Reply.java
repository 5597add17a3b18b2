package io.seamline.routes.as2;

import io.seamline.mappings.as2.Mdn;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP answer to an AS2 request: a synchronous MDN with its AS2 headers, or a short text. */
public record As2Reply(int status, Map<String, String> headers, byte[] body) {

    static As2Reply text(int status, String text) {
        return new As2Reply(
                status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }

    static As2Reply mdn(Mdn.Composed mdn, String messageId, String from, String to) {
        var headers = new LinkedHashMap<String, String>();
        headers.putAll(As2Headers.of(from, to, messageId));
        headers.put("Content-Type", mdn.contentType());
        return new As2Reply(200, headers, mdn.body());
    }

    /** The headers every AS2 request and synchronous MDN carries. */
    static final class As2Headers {

        private As2Headers() {}

        static Map<String, String> of(String from, String to, String messageId) {
            var headers = new LinkedHashMap<String, String>();
            headers.put("AS2-Version", "1.2");
            headers.put("AS2-From", quoted(from));
            headers.put("AS2-To", quoted(to));
            headers.put("Message-ID", messageId);
            headers.put("MIME-Version", "1.0");
            headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
            headers.put("Server", "Seamline");
            return headers;
        }

        /** AS2 ids with spaces are quoted (RFC 4130 6.2). */
        static String quoted(String id) {
            return id.matches("[!#-\\[\\]-~]+")
                    ? id
                    : "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
