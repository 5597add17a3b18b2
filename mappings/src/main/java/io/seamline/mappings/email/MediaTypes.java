package io.seamline.mappings.email;

import java.util.Locale;

/** Media types by file name, for attachments whose sender gave none (or unpacked from a zip). */
final class MediaTypes {

    private MediaTypes() {}

    static String guess(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".edi") || name.endsWith(".x12") || name.endsWith(".txt")) {
            return "text/plain";
        }
        if (name.endsWith(".zip")) {
            return "application/zip";
        }
        return "application/octet-stream";
    }
}
