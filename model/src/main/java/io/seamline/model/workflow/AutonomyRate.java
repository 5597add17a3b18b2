package io.seamline.model.workflow;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The autonomy rate over a period, overall, by partner and by document type ({@code 855}, {@code ORDRSP}, …). */
public record AutonomyRate(
        Instant from,
        Instant to,
        AutonomyCounts overall,
        Map<String, AutonomyCounts> byPartner,
        Map<String, AutonomyCounts> byDocumentType) {

    public AutonomyRate {
        byPartner = Collections.unmodifiableMap(new TreeMap<>(byPartner));
        byDocumentType = Collections.unmodifiableMap(new TreeMap<>(byDocumentType));
    }
}
