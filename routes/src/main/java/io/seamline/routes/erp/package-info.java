/**
 * The ERP, our system of record, sends purchase orders and planned shipments by API or by dropping files in an
 * inbox folder; both go through {@link io.seamline.routes.erp.ErpImport}, which applies a batch whole or not at all.
 */
package io.seamline.routes.erp;
