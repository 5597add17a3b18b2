/**
 * Acknowledgements of inbound interchanges: TA1 (interchange), 997 or 999 (one per functional group) for X12, one
 * CONTRL per EDIFACT interchange. Acknowledgements themselves are never acknowledged.
 */
package io.seamline.mappings.edi.ack;
