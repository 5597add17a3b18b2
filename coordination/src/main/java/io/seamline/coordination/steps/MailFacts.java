package io.seamline.coordination.steps;

import java.util.List;

/**
 * What the reply to a mail needs: the partner's thread (Message-ID, references, subject, sender), the attachments
 * received as messages of their own (EDI interchanges, each with what became of it), what could not be read, whether the mail was a delivery report (never answered), and its own text and
 * attachments' names (for the person who reads what the gateway could not).
 */
public record MailFacts(
        String messageId,
        List<String> references,
        String subject,
        String from,
        List<String> received,
        List<String> ambiguous,
        boolean deliveryReport,
        String text,
        List<String> attachments) {

    public MailFacts {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        received = List.copyOf(received);
        ambiguous = List.copyOf(ambiguous);
    }
}
