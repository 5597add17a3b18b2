package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A customs entry's state from the broker: FILED, HOLD, RELEASED or REJECTED. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CustomsStatus")
public class CustomsStatus {

    @XmlElement(required = true)
    public String entryNumber;

    public String shipmentId;

    @XmlElement(required = true)
    public String status;

    public String reason;

    public List<String> documentRequested = new ArrayList<>();
}
