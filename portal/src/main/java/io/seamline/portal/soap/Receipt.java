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

    public Receipt() {}

    Receipt(String messageId, String status) {
        this.messageId = messageId;
        this.status = status;
    }
}
