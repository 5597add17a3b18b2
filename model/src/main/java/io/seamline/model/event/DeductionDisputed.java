package io.seamline.model.event;

/**
 * {@code deduction.disputed}: a partner disputes a deduction we took (by the API, the portal or a mail naming its
 * number), with its reason.
 */
public record DeductionDisputed(String deductionNumber, String reason) implements EventData {

    public static final String TYPE = EventData.type("deduction.disputed");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return null;
    }
}
