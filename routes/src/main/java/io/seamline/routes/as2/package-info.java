/**
 * AS2 with partners: receiving their messages (archived before the MDN goes back, duplicates answered with the first
 * MDN), sending ours through the outbox (signed receipts checked, a missing asynchronous MDN tracked as an SLA
 * expectation), and the certificates on both sides with their rollover and expiry.
 */
package io.seamline.routes.as2;
