/**
 * X12 transaction sets to canonical events (855, 865, 856, 810, 990, 214, 210, 997, 999, 824) and the sets we
 * send (850, 860, 204), which are validated only. Code tables are the exact ones of DESIGN.md.
 */
package io.seamline.mappings.edi.x12;
