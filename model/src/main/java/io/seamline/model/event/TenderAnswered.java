package io.seamline.model.event;

/** {@code tender.response}: the carrier's answer to a load tender (990, API). */
public record TenderAnswered(String shipmentId, Decision decision, String reasonCode, String conditions)
        implements EventData {

    public static final String TYPE = EventData.type("tender.response");

    public enum Decision {
        ACCEPTED,
        DECLINED,
        CONDITIONAL
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return shipmentId == null ? null : "shipment/" + shipmentId;
    }
}
