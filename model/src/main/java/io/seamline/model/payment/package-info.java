/** Payments the ERP made to partners and the deductions taken from them. */
package io.seamline.model.payment;
