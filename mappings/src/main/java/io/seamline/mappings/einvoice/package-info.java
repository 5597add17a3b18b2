/**
 * EU e-invoices (EN 16931: UBL 2.1, CII D16B, ZUGFeRD / Factur-X PDFs) read into the canonical invoice with
 * well-kept libraries: ph-ubl and ph-cii check the syntax, Mustang reads and recomputes the invoice.
 */
package io.seamline.mappings.einvoice;
