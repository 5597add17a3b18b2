/**
 * What we decided, written back to the ERP (the system of record): each completed outcome a document of its own
 * ({@code commitment.applied}, {@code shipment.advised}, {@code invoice.approved}, …), archived and delivered by the
 * outbox, POSTed or dropped in a folder.
 */
package io.seamline.coordination.writeback;
