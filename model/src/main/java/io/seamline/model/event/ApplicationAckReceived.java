package io.seamline.model.event;

import java.util.List;

/** {@code ack.application}: a partner's business-level acceptance or rejection of our document (824, APERAK). */
public record ApplicationAckReceived(String documentRef, Status status, List<String> errors) implements EventData {

    public static final String TYPE = EventData.type("ack.application");

    public ApplicationAckReceived {
        errors = List.copyOf(errors == null ? List.of() : errors);
    }

    public enum Status {
        ACCEPTED,
        ACCEPTED_WITH_ERRORS,
        REJECTED
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return documentRef == null ? null : "document/" + documentRef;
    }
}
