package io.seamline.mappings.edi.outbound;

/**
 * Who an interchange is from and to: X12 ISA qualifier and id (and GS application codes), EDIFACT UNB id and
 * qualifier. For acknowledgements these are the inbound envelope's parties, swapped.
 */
public record Parties(
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        String applicationSender,
        String applicationReceiver) {

    public Parties swapped() {
        return new Parties(
                receiverQualifier, receiverId, senderQualifier, senderId, applicationReceiver, applicationSender);
    }
}
