package io.seamline.adapters.blobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How blobs are kept: gzip, fast level. EDI, mails and JSON shrink several times (PostgreSQL's TOAST compressed them
 * too when they were rows); the key stays the SHA-256 of the bytes as received.
 */
final class Gzip {

    private Gzip() {}

    static byte[] pack(byte[] content) {
        var out = new ByteArrayOutputStream(Math.max(64, content.length / 3));
        try (var gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] unpack(byte[] stored) {
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a blob is not the gzip its store writes", e);
        }
    }
}
