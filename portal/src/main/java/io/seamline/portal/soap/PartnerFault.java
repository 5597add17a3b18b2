package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.WebFault;
import java.util.ArrayList;
import java.util.List;

/**
 * A refused document, as a SOAP fault with a code: {@code InvalidDocument} (with the fields that are wrong),
 * {@code NotFound} (unknown or not the caller's), {@code TooLarge}, {@code NotAllowed}.
 */
@WebFault(name = "partnerFault", targetNamespace = PartnerService.NAMESPACE)
public class PartnerFault extends Exception {

    private final Info info;

    public PartnerFault(String message, Info info) {
        super(message);
        this.info = info;
    }

    public Info getFaultInfo() {
        return info;
    }

    /** The fault's detail: a code, what it means here, and the fields that are wrong. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "PartnerFaultInfo")
    public static class Info {
        public String code;
        public String detail;
        public String messageId;
        public List<String> problem = new ArrayList<>();
    }
}
