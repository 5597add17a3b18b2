package io.seamline.routes.pipeline;

import io.seamline.model.event.DocumentReceived.DocumentType;
import io.seamline.model.message.MessageFormat;
import java.util.Objects;

/**
 * A file a partner sends along with a document through the portal or the API (a proof of delivery with a freight
 * invoice): archived as a message of its own and filed as {@code document.received} on the document's subject.
 */
public record Attached(DocumentType documentType, String fileName, String mediaType, byte[] content) {

    /** The transport of an archived attachment: it came inside another message. */
    public static final String TRANSPORT = "attachment";

    public Attached {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(content, "content");
        fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
    }

    MessageFormat format() {
        return mediaType.equals("application/pdf") ? MessageFormat.PDF : MessageFormat.OTHER;
    }
}
