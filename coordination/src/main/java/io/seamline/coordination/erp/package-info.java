/**
 * The ERP, our system of record: its purchase orders and planned shipments applied a batch whole or not at all (by API
 * or from its files), and what we decided written back to it as documents of their own.
 */
package io.seamline.coordination.erp;
