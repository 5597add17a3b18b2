package io.seamline.mappings.edi;

/** A functional group's header: GS (X12) or UNG (EDIFACT). */
public record GroupHeader(
        String functionalId,
        String applicationSender,
        String applicationReceiver,
        String date,
        String time,
        String controlNumber,
        String agency,
        String version) {}
