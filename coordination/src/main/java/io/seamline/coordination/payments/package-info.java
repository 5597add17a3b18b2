/**
 * What the ERP paid: each payment recorded once, its invoices marked paid, and the partner told through its own
 * channel (820, REMADV, a notice in the portal, a mail), deductions and their reasons included.
 */
package io.seamline.coordination.payments;
