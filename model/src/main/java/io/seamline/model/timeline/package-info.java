/**
 * Execution memory: what happened to a purchase order, shipment or invoice, in order, with who did it and why.
 */
package io.seamline.model.timeline;
