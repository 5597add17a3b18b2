/** Partners' invoices as the audit sees them: goods invoices matched three ways, freight invoices audited. */
package io.seamline.model.invoice;
