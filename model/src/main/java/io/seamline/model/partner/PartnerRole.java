package io.seamline.model.partner;

/** What a partner does for us; decides which documents we expect from it. */
public enum PartnerRole {
    SUPPLIER,
    CARRIER,
    FORWARDER,
    BROKER;

    /** Carriers and forwarders move our shipments. */
    public boolean movesShipments() {
        return this == CARRIER || this == FORWARDER;
    }
}
