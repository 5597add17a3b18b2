package io.seamline.model.event;

import java.util.List;

/** {@code ack.functional}: a partner's syntax acknowledgement of our EDI (997, 999, CONTRL). */
public record FunctionalAckReceived(
        Standard standard,
        String functionalId,
        String ackedGroupControlNumber,
        String ackedInterchangeControlNumber,
        Status status,
        List<SetAck> sets)
        implements EventData {

    public static final String TYPE = EventData.type("ack.functional");

    public FunctionalAckReceived {
        sets = List.copyOf(sets == null ? List.of() : sets);
    }

    public enum Standard {
        X12,
        EDIFACT
    }

    public enum Status {
        ACCEPTED,
        ACCEPTED_WITH_ERRORS,
        PARTIALLY_ACCEPTED,
        REJECTED
    }

    public record SetAck(String setId, String controlNumber, Status status, List<String> errors) {
        public SetAck {
            errors = List.copyOf(errors == null ? List.of() : errors);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        String control = ackedGroupControlNumber != null ? ackedGroupControlNumber : ackedInterchangeControlNumber;
        return control == null ? null : "interchange/" + control;
    }
}
