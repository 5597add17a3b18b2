package io.seamline.portal.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A carrier's freight invoice for a shipment, with its charges. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FreightInvoice")
public class FreightInvoice {

    @XmlElement(required = true)
    public String invoiceNumber;

    @XmlElement(required = true)
    public String invoiceDate;

    @XmlElement(required = true)
    public String currency;

    @XmlElement(required = true)
    public BigDecimal total;

    public String shipmentId;
    public String bol;
    public List<Charge> charge = new ArrayList<>();

    /** One charge: FREIGHT, FUEL_SURCHARGE, DETENTION, LIFTGATE, ACCESSORIAL, DUTY, TAX or OTHER. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Charge")
    public static class Charge {
        @XmlElement(required = true)
        public String code;

        @XmlElement(required = true)
        public BigDecimal amount;
    }
}
