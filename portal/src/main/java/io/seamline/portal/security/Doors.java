package io.seamline.portal.security;

import java.util.function.Supplier;

/**
 * The door a piece of work came in by, for the audit trail, where the servlet request is not at hand (the API's
 * handlers run in Camel routes): {@code API}, {@code SOAP}, {@code PORTAL}.
 */
public final class Doors {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Doors() {}

    /** Runs {@code work} as having come in by {@code via}. */
    public static <T> T through(String via, Supplier<T> work) {
        String outer = CURRENT.get();
        CURRENT.set(via);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }
}
