package io.seamline.portal.security;

/** What a caller may do. Internal roles see every partner's data; PARTNER callers only their own partner's. */
public enum Role {
    /** Onboards partners and changes configuration. */
    ADMIN,
    /** Operations: works tasks, reads everything, reprocesses messages. */
    OPS,
    /** The ERP system: imports purchase orders and shipments. */
    ERP,
    /** A partner's user or system, bound to one partner. */
    PARTNER,
    /**
     * Credentials issued for testing, beside PARTNER: everything the caller sends is a test (the real pipeline, no
     * change to production), as if each call carried {@code Seamline-Test: true}.
     */
    TEST,
    /** A monitoring system: reads the operational figures ({@code /actuator/prometheus}), nothing else. */
    METRICS;

    public String authority() {
        return "ROLE_" + name();
    }
}
