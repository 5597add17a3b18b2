/** Outbound deliveries waiting for, or past, their attempt to reach a partner or the ERP. */
package io.seamline.model.outbox;
