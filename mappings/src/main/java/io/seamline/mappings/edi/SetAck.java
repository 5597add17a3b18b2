package io.seamline.mappings.edi;

import java.util.List;

/** What an acknowledgement says about one set: its id, control number, outcome and defects. */
public record SetAck(String setId, String controlNumber, String version, SetStatus status, List<Defect> defects) {

    public SetAck {
        defects = List.copyOf(defects);
    }

    /** Accepted for acknowledgement purposes: unsupported sets count as the partner profile decides. */
    public boolean acknowledgedAsAccepted(boolean unsupportedAccepted) {
        return status.producesEvents() || (status == SetStatus.UNSUPPORTED && unsupportedAccepted);
    }
}
