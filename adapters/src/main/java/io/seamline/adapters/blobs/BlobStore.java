package io.seamline.adapters.blobs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Content-addressed storage of raw bytes: a blob's key is the SHA-256 of its bytes (hex), so the same bytes are stored
 * once and a key never names other bytes; stores keep them gzipped and give them back as they were. {@link #put}
 * returns only once the bytes are durable: a message row that names a key is written after its bytes are stored, never
 * before.
 */
public interface BlobStore {

    /** Stores the bytes (once: storing bytes already there changes nothing) and returns their key. */
    String put(byte[] content);

    /** The bytes under {@code key}, or empty when there are none (never stored, or deleted). */
    Optional<byte[]> get(String key);

    /** Removes the bytes under {@code key}; removing what is not there changes nothing. */
    void delete(String key);

    /** Where the blobs are, for logs and the README: {@code file:/var/lib/seamline/blobs}, {@code s3://bucket/prefix}. */
    String location();

    static String key(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A key is 64 lowercase hex digits; anything else (a path, an S3 key of ours) is refused before it is used. */
    static String checked(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
