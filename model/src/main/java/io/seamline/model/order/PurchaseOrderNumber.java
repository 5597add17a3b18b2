package io.seamline.model.order;

import java.util.Objects;

/** The ERP's purchase order number, as printed on the PO and echoed in BAK03, BEG03 or BGM 1004. */
public record PurchaseOrderNumber(String value) {

    public PurchaseOrderNumber {
        Objects.requireNonNull(value, "value");
        value = value.trim();
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a purchase order number: '" + value + "'");
        }
    }

    public static PurchaseOrderNumber of(String value) {
        return new PurchaseOrderNumber(value);
    }

    /** 1 to 22 characters (the X12 PO number's maximum), no spaces or slashes. */
    public static boolean isValid(String value) {
        return value != null && value.trim().matches("[A-Za-z0-9._-]{1,22}");
    }

    @Override
    public String toString() {
        return value;
    }
}
