package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** The message the document was archived as, and its status (RECEIVED until it is processed). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Receipt")
public class Receipt {

    public String messageId;
    public String status;

    /** True for a test (credentials issued for testing, or the Seamline-Test header): nothing of production changed. */
    public Boolean test;

    public Receipt() {}

    Receipt(String messageId, String status, boolean test) {
        this.messageId = messageId;
        this.status = status;
        this.test = test ? Boolean.TRUE : null;
    }
}
