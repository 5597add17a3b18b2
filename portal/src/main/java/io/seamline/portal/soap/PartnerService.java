package io.seamline.portal.soap;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;

/** What partners may send Seamline over SOAP. */
@WebService(name = "PartnerService", targetNamespace = PartnerService.NAMESPACE)
public interface PartnerService {

    String NAMESPACE = "urn:seamline:partners:v1";

    @WebMethod(operationName = "ReportCustomsStatus")
    @WebResult(name = "receipt", targetNamespace = NAMESPACE)
    Receipt reportCustomsStatus(@WebParam(name = "customsStatus", targetNamespace = NAMESPACE) CustomsStatus status)
            throws PartnerFault;

    @WebMethod(operationName = "ReportShipmentStatus")
    @WebResult(name = "receipt", targetNamespace = NAMESPACE)
    Receipt reportShipmentStatus(@WebParam(name = "shipmentStatus", targetNamespace = NAMESPACE) ShipmentStatus status)
            throws PartnerFault;

    @WebMethod(operationName = "SubmitFreightInvoice")
    @WebResult(name = "receipt", targetNamespace = NAMESPACE)
    Receipt submitFreightInvoice(@WebParam(name = "freightInvoice", targetNamespace = NAMESPACE) FreightInvoice invoice)
            throws PartnerFault;
}
