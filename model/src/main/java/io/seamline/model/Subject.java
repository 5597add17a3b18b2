package io.seamline.model;

import java.util.Objects;

/**
 * What a timeline entry, task or expectation is about, written as {@code kind/key}: {@code po/4500012345},
 * {@code shipment/ASN-77001}, {@code invoice/INV-1}, {@code message/<uuid>}, {@code partner/acme-supply}.
 */
public record Subject(String kind, String key) {

    public static final String PURCHASE_ORDER = "po";
    public static final String SHIPMENT = "shipment";
    public static final String INVOICE = "invoice";
    public static final String MESSAGE = "message";
    public static final String PARTNER = "partner";

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (!kind.matches("[a-z][a-z-]*") || key.isBlank()) {
            throw new IllegalArgumentException("not a subject: " + kind + "/" + key);
        }
    }

    public static Subject purchaseOrder(String poNumber) {
        return new Subject(PURCHASE_ORDER, poNumber);
    }

    public static Subject shipment(String shipmentId) {
        return new Subject(SHIPMENT, shipmentId);
    }

    /** Parses {@code po/4500012345}; the key may itself contain slashes. */
    public static Subject parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a subject: " + text);
        }
        return new Subject(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return kind + "/" + key;
    }
}
