package io.seamline.mappings.email;

import io.seamline.model.event.DeductionDisputed;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner's mail disputing one of our deductions: it names the deduction's number ({@code DED-1A2B3C4D}) and says it
 * disputes it (dispute, contest, object, disagree); the mail's text is the reason.
 */
public final class Disputes {

    private static final Pattern NUMBER = Pattern.compile("\\bDED-[0-9A-F]{8}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPUTE =
            Pattern.compile("\\b(disput\\w*|contest\\w*|object\\w*|disagree\\w*)", Pattern.CASE_INSENSITIVE);

    private Disputes() {}

    public static Optional<DeductionDisputed> in(String subject, String text) {
        String all = (subject == null ? "" : subject) + "\n" + (text == null ? "" : text);
        Matcher number = NUMBER.matcher(all);
        if (!number.find() || !DISPUTE.matcher(all).find()) {
            return Optional.empty();
        }
        String reason = (text == null || text.isBlank() ? subject : text).strip();
        if (reason.length() > 2000) {
            reason = reason.substring(0, 2000) + "…";
        }
        return Optional.of(new DeductionDisputed(number.group().toUpperCase(Locale.ROOT), reason));
    }
}
