package io.seamline.mappings.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip attachment within limits: the number of entries, the total uncompressed size and the ratio of
 * uncompressed to compressed size are counted while reading (the sizes a zip declares are not trusted). Nested zips
 * stay packed; directories and hidden entries are skipped.
 */
final class ZipGuard {

    private ZipGuard() {}

    static List<Attachment> expand(Attachment zip, MailLimits limits) throws Refused {
        var files = new ArrayList<Attachment>();
        long total = 0;
        long ceiling = Math.min(limits.maxUnzippedBytes(), (long) zip.content().length * limits.maxZipRatio());
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw new Refused(
                            MailUnreadable.Reason.ZIP_BOMB,
                            zip.fileName() + " has more than " + limits.maxZipEntries() + " entries");
                }
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || base.isEmpty() || base.startsWith(".")) {
                    continue;
                }
                byte[] content = read(in, ceiling - total, zip.fileName());
                total += content.length;
                files.add(new Attachment(base, MediaTypes.guess(base), content));
            }
        } catch (IOException e) {
            throw new Refused(
                    MailUnreadable.Reason.MALFORMED, zip.fileName() + " is not a readable zip: " + e.getMessage());
        }
        return files;
    }

    private static byte[] read(InputStream in, long allowed, String zipName) throws IOException, Refused {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > allowed) {
                throw new Refused(
                        MailUnreadable.Reason.ZIP_BOMB,
                        zipName + " unpacks to more than its limit (ratio or total size)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A limit the mail crossed. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final MailUnreadable.Reason reason;

        Refused(MailUnreadable.Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
