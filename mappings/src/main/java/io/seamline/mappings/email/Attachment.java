package io.seamline.mappings.email;

import java.util.Locale;
import java.util.Objects;

/** A file carried by a mail (or unpacked from a zip it carried). */
public record Attachment(String fileName, String mediaType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName.trim();
        mediaType = mediaType == null ? "application/octet-stream" : mediaType.toLowerCase(Locale.ROOT);
    }

    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public boolean isZip() {
        return extension().equals("zip") || mediaType.equals("application/zip");
    }
}
