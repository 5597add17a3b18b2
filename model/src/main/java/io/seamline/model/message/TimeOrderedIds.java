package io.seamline.model.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids whose first 48 bits are a time in milliseconds, so that rows written one after another are neighbours in every
 * index on their id. A random id (version 4) lands on a random page of an index that grows with the archive: each
 * insert reads and dirties a page of its own, splits leave pages two-thirds full, and the first change of each page
 * after a checkpoint writes the whole page to the WAL. With the time first, new ids go to the index's right edge.
 *
 * <ul>
 *   <li>{@link #at}: a new id, UUID version 7 (RFC 9562): the time, then 74 random bits. It is as hard to guess as a
 *       version 4 id is for anyone who cannot see it; no rule about who may read what rests on that anyway.
 *   <li>{@link #named}: an id derived from a name that carries a time-ordered id (an event's id from its message's id
 *       and its place in it; an ERP document's from its step, which names its event): that id's time, then 80 bits of
 *       the name's MD5 (version 8). A name without one gets {@link UUID#nameUUIDFromBytes}, as every such id was made
 *       before, so that a message received before time-ordered ids derives the same ids when it is processed again.
 *   <li>{@link #keyed}: a step key as a UUID (the MD5 of the key), after the time of the time-ordered id the key
 *       carries, if any; a key without one keeps its plain MD5, as before.
 * </ul>
 */
public final class TimeOrderedIds {

    private static final int UUID_LENGTH = 36;

    /** The first 16 bits of a time-ordered step key (its time takes the other 48 of the first half). */
    private static final long KEYED_AFTER_EVERY_MD5 = 0xFFFF_0000_0000_0000L;

    private TimeOrderedIds() {}

    /** A new id whose time is {@code at}: UUID version 7. */
    public static UUID at(Instant at) {
        UUID random = UUID.randomUUID();
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, random.getLeastSignificantBits()); // a version 4 id's variant bits are version 7's
    }

    /** The id derived from the name: time-ordered with the version 7 id the name carries, or as it always was. */
    public static UUID named(String name) {
        long millis = timeIn(name);
        if (millis < 0) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        ByteBuffer md5 = md5(name);
        long msb = (millis << 16) | 0x8000L | (md5.getLong() & 0x0FFFL);
        long lsb = (md5.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * The UUID a step key is kept as. A key that carries a time-ordered id: {@code ffff}, that id's time in milliseconds,
     * then 64 bits of the key's MD5, so that such keys sort after every other (a plain MD5 starts with {@code ffff} once
     * in 65,536) and a page of the index is split only at its right edge, three-quarters or more full, whatever other
     * keys it holds. Any other key: its plain MD5, as before (what {@code md5(key)::uuid} gave the rows the migrations
     * converted).
     */
    public static UUID keyed(String key) {
        ByteBuffer md5 = md5(key);
        long millis = timeIn(key);
        return millis < 0
                ? new UUID(md5.getLong(), md5.getLong())
                : new UUID(KEYED_AFTER_EVERY_MD5 | millis, md5.getLong());
    }

    /** Whether the id starts with its time: version 7, or version 8 as {@link #named} makes it. */
    public static boolean isTimeOrdered(UUID id) {
        return (id.version() == 7 || id.version() == 8) && id.variant() == 2;
    }

    /** Whether a step key's UUID is the time-ordered form {@link #keyed} makes (its last 64 bits are its MD5's). */
    public static boolean isTimeKeyed(UUID step) {
        return (step.getMostSignificantBits() & KEYED_AFTER_EVERY_MD5) == KEYED_AFTER_EVERY_MD5;
    }

    /**
     * A short reference to the id, {@code digits} hex digits (at most 12) that tell ids apart: a time-ordered id's last
     * ones, which are random or hashed (its first ones are the time, alike for every id made in the same minute); any
     * other id's first ones, as such references were always made.
     */
    public static String shortHex(UUID id, int digits) {
        if (digits < 1 || digits > 12) {
            throw new IllegalArgumentException("1 to 12 digits");
        }
        String text = id.toString();
        return isTimeOrdered(id) ? text.substring(text.length() - digits) : text.substring(0, digits);
    }

    /** The time of the first time-ordered id (version 7, or 8 as {@link #named} makes) in the text, or -1. */
    static long timeIn(String text) {
        for (int i = 0; i + UUID_LENGTH <= text.length(); i++) {
            if (text.charAt(i + 8) == '-'
                    && text.charAt(i + 13) == '-'
                    && (text.charAt(i + 14) == '7' || text.charAt(i + 14) == '8')
                    && text.charAt(i + 18) == '-'
                    && text.charAt(i + 23) == '-'
                    && (i == 0 || Character.digit(text.charAt(i - 1), 16) < 0)
                    && (i + UUID_LENGTH == text.length() || Character.digit(text.charAt(i + UUID_LENGTH), 16) < 0)) {
                UUID id = parse(text.substring(i, i + UUID_LENGTH));
                if (id != null && isTimeOrdered(id)) {
                    return id.getMostSignificantBits() >>> 16;
                }
            }
        }
        return -1;
    }

    private static UUID parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && Character.digit(c, 16) < 0) {
                return null;
            }
        }
        return UUID.fromString(text);
    }

    private static ByteBuffer md5(String text) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
