package io.seamline.model;

/** Which part of a long list to return: at most {@code limit} items after skipping {@code offset}. */
public record Window(int limit, int offset) {

    public static final int MAX_LIMIT = 500;

    public Window {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative, was " + offset);
        }
    }

    public static Window first(int limit) {
        return new Window(limit, 0);
    }
}
