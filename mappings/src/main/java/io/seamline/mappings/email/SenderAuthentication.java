package io.seamline.mappings.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a mail's From address is authenticated, as our own mail server judged it (RFC 8601): the topmost {@code
 * Authentication-Results} header that names our server ({@code authservId}) must say {@code dmarc=pass}, or {@code
 * dkim=pass} for a signing domain that is the From address's domain or one of its parents. A header naming another
 * server proves nothing (anyone can write one), nor does SPF (it speaks for the envelope sender, not the From
 * address). Without such a header the mail's sender is not authenticated.
 */
public final class SenderAuthentication {

    private SenderAuthentication() {}

    /** Why the sender is not authenticated, or empty when it is. */
    public static Optional<String> problem(List<String> authenticationResults, String authservId, String fromDomain) {
        if (fromDomain == null || fromDomain.isBlank()) {
            return Optional.of("the mail has no From domain to authenticate");
        }
        String ours = authservId.trim().toLowerCase(Locale.ROOT);
        for (String header : authenticationResults) {
            List<String> parts = parts(header);
            if (parts.isEmpty() || !firstWord(parts.get(0)).equals(ours)) {
                continue;
            }
            String from = fromDomain.toLowerCase(Locale.ROOT);
            var seen = new ArrayList<String>();
            for (String result : parts.subList(1, parts.size())) {
                String method = method(result);
                String verdict = verdict(result);
                seen.add(method + "=" + verdict);
                if (method.equals("dmarc") && verdict.equals("pass")) {
                    String checked = property(result, "header.from").orElse(from);
                    if (aligned(from, checked)) {
                        return Optional.empty();
                    }
                }
                if (method.equals("dkim") && verdict.equals("pass")) {
                    Optional<String> signer = property(result, "header.d");
                    if (signer.isPresent() && aligned(from, signer.get())) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of("our mail server " + ours + " did not authenticate " + fromDomain
                    + (seen.isEmpty() ? "" : " (" + String.join(", ", seen) + ")"));
        }
        return Optional.of("no Authentication-Results of our mail server " + ours + " vouch for " + fromDomain);
    }

    /** Whether the From domain is the checked domain or lies under it (relaxed alignment). */
    private static boolean aligned(String from, String checked) {
        String domain = checked.toLowerCase(Locale.ROOT).trim();
        return !domain.isEmpty() && (from.equals(domain) || from.endsWith("." + domain));
    }

    /** The header's {@code ;}-separated parts, comments left out. */
    private static List<String> parts(String header) {
        String plain = header.replaceAll("\\([^()]*\\)", " ");
        var parts = new ArrayList<String>();
        for (String part : plain.split(";")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static String firstWord(String text) {
        return text.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static String method(String result) {
        String first = firstWord(result);
        int eq = first.indexOf('=');
        return eq < 0 ? first : first.substring(0, eq);
    }

    private static String verdict(String result) {
        String first = firstWord(result);
        int eq = first.indexOf('=');
        return eq < 0 ? "" : first.substring(eq + 1);
    }

    private static Optional<String> property(String result, String name) {
        for (String word : result.split("\\s+")) {
            if (word.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
                return Optional.of(word.substring(name.length() + 1).replaceAll("^[\"@]+|\"$", ""));
            }
        }
        return Optional.empty();
    }
}
