package io.seamline.model.shipment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The numbers partners use for a shipment: bill of lading, carrier PRO, container, booking, air waybill. */
public record ShipmentReferences(String bol, String pro, String container, String booking, String awb) {

    public ShipmentReferences {
        bol = blankToNull(bol);
        pro = blankToNull(pro);
        container = blankToNull(container);
        booking = blankToNull(booking);
        awb = blankToNull(awb);
    }

    public static ShipmentReferences none() {
        return new ShipmentReferences(null, null, null, null, null);
    }

    /** The references that are set, by name ({@code bol}, {@code pro}, …). */
    public Map<String, String> present() {
        var present = new LinkedHashMap<String, String>();
        put(present, "bol", bol);
        put(present, "pro", pro);
        put(present, "container", container);
        put(present, "booking", booking);
        put(present, "awb", awb);
        return present;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
