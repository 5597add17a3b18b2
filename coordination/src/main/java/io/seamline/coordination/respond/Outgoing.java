package io.seamline.coordination.respond;

import io.seamline.model.Subject;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import java.util.Objects;

/**
 * Bytes we are about to send, with what they are: the business channel, format and document type, control numbers,
 * the subject whose timeline records them, the message they answer, the step key that makes sending them once-only,
 * and whether they are test traffic (marked so, and opening no expectation of production).
 */
public record Outgoing(
        Channel channel,
        MessageFormat format,
        String documentType,
        byte[] content,
        String mediaType,
        String fileName,
        ControlNumbers controls,
        Subject subject,
        MessageId answers,
        String summary,
        String stepKey,
        boolean test) {

    public Outgoing(
            Channel channel,
            MessageFormat format,
            String documentType,
            byte[] content,
            String mediaType,
            String fileName,
            ControlNumbers controls,
            Subject subject,
            MessageId answers,
            String summary,
            String stepKey) {
        this(
                channel,
                format,
                documentType,
                content,
                mediaType,
                fileName,
                controls,
                subject,
                answers,
                summary,
                stepKey,
                false);
    }

    /** The same bytes, as test traffic (or not). */
    public Outgoing test(boolean test) {
        return new Outgoing(
                channel,
                format,
                documentType,
                content,
                mediaType,
                fileName,
                controls,
                subject,
                answers,
                summary,
                stepKey,
                test);
    }

    public Outgoing {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stepKey, "stepKey");
    }
}
