/** Ship notices (856, DESADV, the API and the portal): the shipment and what it carries, per PO line, within policy. */
package io.seamline.coordination.shipnotices;
