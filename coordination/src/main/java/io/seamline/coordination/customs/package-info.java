/** Customs status from a shipment's broker (CUSRES, SOAP, the portal, mail): a hold or rejection always asks a person. */
package io.seamline.coordination.customs;
