/** Invoices: goods invoices (810, INVOIC) matched three ways, freight invoices (210) audited against the plan. */
package io.seamline.coordination.invoices;
