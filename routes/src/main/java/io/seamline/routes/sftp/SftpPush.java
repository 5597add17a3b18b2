package io.seamline.routes.sftp;

import io.seamline.adapters.delivery.Transfer;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.adapters.persistence.Partners;
import io.seamline.model.message.ArchivedMessage;
import io.seamline.model.outbox.OutboundDelivery;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.PartnerId;
import io.seamline.routes.deliver.PartnersServer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes our file to a partner's own SFTP server ({@code "mode": "push"}): under a temporary name first, renamed
 * when complete, so the partner never reads half a file.
 */
@Component
class SftpPush implements PartnersServer {

    private final ProducerTemplate producer;
    private final Partners partners;

    public SftpPush(ProducerTemplate producer, Partners partners) {
        this.producer = producer;
        this.partners = partners;
    }

    @Override
    public void send(OutboundDelivery delivery, ArchivedMessage message, Transfer transfer) throws TransferFailed {
        PartnerId partner = delivery.partnerId();
        ChannelProfile channel = partners.find(partner)
                .flatMap(p -> p.channel(ChannelKind.SFTP))
                .orElseThrow(() -> new TransferFailed("partner " + partner + " has no SFTP channel", true));
        String uri;
        try {
            uri = SftpTargets.uri(
                    channel, "tempFileName=.${file:onlyname}.part&fileExist=Override&maximumReconnectAttempts=0");
        } catch (IllegalArgumentException e) {
            throw new TransferFailed(e.getMessage(), true);
        }
        try {
            producer.sendBodyAndHeader(uri, transfer.content(), Exchange.FILE_NAME, transfer.fileName());
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransferFailed("SFTP to " + channel.address() + " failed: " + cause.getMessage(), e);
        }
    }
}
