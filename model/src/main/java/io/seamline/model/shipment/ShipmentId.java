package io.seamline.model.shipment;

import java.util.Objects;

/** Our shipment id (from the ERP or TMS), or the supplier's ASN id when the supplier creates the shipment. */
public record ShipmentId(String value) {

    public ShipmentId {
        Objects.requireNonNull(value, "value");
        value = value.trim();
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a shipment id: '" + value + "'");
        }
    }

    public static ShipmentId of(String value) {
        return new ShipmentId(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.trim().matches("[A-Za-z0-9._-]{1,35}");
    }

    @Override
    public String toString() {
        return value;
    }
}
