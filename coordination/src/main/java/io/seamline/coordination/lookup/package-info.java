/**
 * Reads for the API and the portal, always through the caller's {@link io.seamline.model.partner.PartnerScope}:
 * a partner sees its own purchase orders, shipments and messages, and nothing of anyone else's.
 */
package io.seamline.coordination.lookup;
