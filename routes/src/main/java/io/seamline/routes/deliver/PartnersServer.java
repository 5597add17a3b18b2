package io.seamline.routes.deliver;

import io.seamline.adapters.delivery.Transfer;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.outbox.OutboundDelivery;

/**
 * A partner's own server that one of our channels sends to: its AS2 endpoint, its SFTP server. Deliveries hands the
 * transfer over; a failure says whether another attempt may help.
 */
public interface PartnersServer {

    /** Sends one outbox delivery's message to the partner's server. */
    void send(OutboundDelivery delivery, ArchivedMessage message, Transfer transfer) throws TransferFailed;
}
