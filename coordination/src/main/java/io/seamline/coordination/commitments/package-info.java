/**
 * Commitments (855, 865, ORDRSP, the API and the portal): each line the supplier commits is judged by the commitment
 * rules; inside them the PO line follows and the ERP is told, outside them a person decides; changes are confirmed with
 * an 860/ORDCHG, refusals answered with an 824/APERAK.
 */
package io.seamline.coordination.commitments;
