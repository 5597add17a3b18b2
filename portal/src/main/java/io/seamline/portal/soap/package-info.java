/**
 * SOAP services for partners that prefer them (Apache CXF, JAX-WS, document/literal): customs status, shipment
 * status and freight invoices become the same canonical documents as their REST and EDI twins. The WSDL is published
 * at {@code /services/partners?wsdl}; refusals are faults with a code.
 */
@XmlSchema(namespace = PartnerService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
