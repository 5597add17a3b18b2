package io.seamline.coordination.steps;

import java.util.List;

/**
 * What the reply to a mail needs: the partner's thread (Message-ID, references, subject, sender), what was
 * understood and what was not, and whether the mail was a delivery report (never answered).
 */
public record MailFacts(
        String messageId,
        List<String> references,
        String subject,
        String from,
        List<String> understood,
        List<String> ambiguous,
        boolean deliveryReport) {

    public MailFacts {
        references = List.copyOf(references);
        understood = List.copyOf(understood);
        ambiguous = List.copyOf(ambiguous);
    }
}
