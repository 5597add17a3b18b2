package io.seamline.mappings.edi.internal;

import java.io.IOException;

/** The input went past the configured size limit; reading stopped there. */
final class InputTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public InputTooLarge(long limit) {
        super("the input is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
