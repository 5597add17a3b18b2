package io.seamline.model.invoice;

/** Where an invoice stands in the audit. */
public enum InvoiceStatus {
    /** Received, not yet audited (or waiting for its PO or shipment). */
    RECEIVED,
    /** Inside tolerance, or approved by a person: written back to the ERP for payment. */
    APPROVED,
    /** Outside tolerance: a person decides. */
    EXCEPTION,
    /** A person rejected it; the partner was told. */
    REJECTED,
    /** The ERP paid it (less the deductions its remittance names); the partner was told. */
    PAID
}
