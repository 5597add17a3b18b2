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
    /** The partner's AS2 id ({@code AS2-From} of its messages). */
    AS2,
    /** Every address at this domain belongs to the partner. */
    EMAIL_DOMAIN,
    EMAIL
}
