/**
 * Answers partners through their own channel: an EDI document rendered in the partner's standard (997/CONTRL,
 * 860/ORDCHG, 824/APERAK), a JSON notice for webhook partners, or a notice waiting in the portal. Every answer is
 * archived as an outbound message first and queued in the outbox, once per step.
 */
package io.seamline.coordination.respond;
