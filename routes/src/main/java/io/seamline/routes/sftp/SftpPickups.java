package io.seamline.routes.sftp;

import io.seamline.model.partner.PartnerId;
import io.seamline.routes.pipeline.Intake;
import io.seamline.routes.pipeline.Received;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files taken from partners over SFTP — from their folders on our server, or from their own servers — into the
 * pipeline, each file once however often it is picked up.
 */
@Component
public class SftpPickups {

    private static final Logger log = LoggerFactory.getLogger(SftpPickups.class);

    private final Intake intake;

    public SftpPickups(Intake intake) {
        this.intake = intake;
    }

    /** A file from {@code <partner>/in/} on our server. */
    public Received uploaded(byte[] content, String fileName, String folder) {
        Path in = Path.of(folder);
        String partner =
                in.getParent() == null ? "" : in.getParent().getFileName().toString();
        return take(content, fileName, partner, "sftp");
    }

    /** A file from a partner's own SFTP server. */
    public Received polled(byte[] content, String fileName, String partner) {
        return take(content, fileName, partner, "sftp-poll");
    }

    private Received take(byte[] content, String fileName, String partner, String transport) {
        String name = Path.of(fileName).getFileName().toString();
        if (!PartnerId.isValid(partner)) {
            log.warn("SFTP file {} is in no partner's folder ({})", name, partner);
            return new Received.Refused(null, Received.Reason.NOT_YOURS, "no partner " + partner, java.util.List.of());
        }
        Received received = intake.pickedUp(content, transport, PartnerId.of(partner), name);
        if (received instanceof Received.Refused refused) {
            log.warn("SFTP file {}/{} refused: {}", partner, name, refused.detail());
        }
        return received;
    }
}
