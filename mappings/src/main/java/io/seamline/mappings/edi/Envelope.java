package io.seamline.mappings.edi;

/**
 * The interchange header as the partner sent it: who sent it to whom (ISA05/06 and ISA07/08, or UNB S002/S003),
 * its control number, version (ISA12 or the UNB syntax version), whether an interchange acknowledgement was
 * requested (ISA14 = 1, UNB 0031 = 1) and whether it is a test (ISA15 = T, UNB 0035 = 1).
 */
public record Envelope(
        Standard standard,
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        String controlNumber,
        String version,
        String date,
        String time,
        boolean acknowledgementRequested,
        boolean test,
        String syntaxIdentifier,
        Delimiters delimiters) {}
