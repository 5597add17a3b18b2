/**
 * Purchase orders as the ERP issues them and as partners' commitments, shipments and invoices change them.
 */
package io.seamline.model.order;
