/**
 * The ERP's purchase orders and planned shipments, as JSON (API and files) or CSV (files), read into model
 * records. Every field problem is collected with its location, so one answer names everything that is wrong.
 */
package io.seamline.mappings.erp;
