package io.seamline.routes.as2;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An AS2 HTTP request as the receiver needs it: its headers (any case) and its body. */
public record As2Request(Map<String, String> headers, byte[] body) {

    public As2Request {
        var lower = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        String value = headers.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An AS2 id header without the quotes senders may put around it (RFC 4130 6.2). */
    public String as2Id(String name) {
        String value = header(name);
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
