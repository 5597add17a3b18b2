/**
 * EDIFACT messages to canonical events (ORDRSP, DESADV, INVOIC, IFTSTA, APERAK, CONTRL, CUSRES) and the messages
 * we send (ORDERS, ORDCHG), which are validated only.
 */
package io.seamline.mappings.edi.edifact;
