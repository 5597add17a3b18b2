package io.seamline.coordination.respond;

import io.seamline.model.Subject;
import io.seamline.model.message.Channel;
import io.seamline.model.message.ControlNumbers;
import io.seamline.model.message.MessageFormat;
import io.seamline.model.message.MessageId;
import java.util.Objects;

/**
 * Bytes we are about to send, with what they are: the business channel, format and document type, control numbers,
 * the subject whose timeline records them, the message they answer, and the step key that makes sending them
 * once-only.
 */
record Outgoing(
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
