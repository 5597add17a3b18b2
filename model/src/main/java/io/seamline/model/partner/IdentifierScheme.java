package io.seamline.model.partner;

/** The naming schemes a partner can be recognised by in an inbound message. */
public enum IdentifierScheme {
    /** ISA05/ISA06 or ISA07/ISA08: qualifier (ZZ, 01, 08, …) and id. */
    X12,
    /** UNB S002/S003: id and optional code qualifier (14, ZZZ, …). */
    EDIFACT,
    GLN,
    DUNS,
    SCAC,
    /** Every address at this domain belongs to the partner. */
    EMAIL_DOMAIN,
    EMAIL
}
