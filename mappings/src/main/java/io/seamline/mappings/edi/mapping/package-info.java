/**
 * What set mappers work with: a transaction's segments, typed reads that record a located defect instead of
 * throwing, and the partner's declarative overrides (where its PO number, line numbers, items and dates are).
 */
package io.seamline.mappings.edi.mapping;
