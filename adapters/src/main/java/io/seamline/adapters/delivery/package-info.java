/**
 * Outbound transfers: dropping a file into a folder (the SFTP/AS2 outbox, a shared drive) and HTTP POST (partner
 * endpoints, webhooks, the ERP), each idempotent on the receiver's side through a stable key.
 */
package io.seamline.adapters.delivery;
