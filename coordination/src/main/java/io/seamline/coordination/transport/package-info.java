/** Transport status (214, IFTSTA, the API, mail): where a shipment is, its ETA, and what a delay does to its POs. */
package io.seamline.coordination.transport;
