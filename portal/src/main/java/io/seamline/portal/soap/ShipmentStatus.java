package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Where a shipment is: a status, when (local time, yyyy-mm-ddThh:mm), the ETA and the place. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ShipmentStatus")
public class ShipmentStatus {

    @XmlElement(required = true)
    public String shipmentId;

    @XmlElement(required = true)
    public String status;

    @XmlElement(required = true)
    public String eventTime;

    public String estimatedDelivery;
    public String reasonCode;
    public String city;
    public String region;
    public String country;
}
