/** Shipments we planned with carriers and forwarders, and the references partners use to name them. */
package io.seamline.model.shipment;
