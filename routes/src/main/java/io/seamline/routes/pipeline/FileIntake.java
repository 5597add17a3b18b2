package io.seamline.routes.pipeline;

import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerScope;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A file dropped into {@code inbox/<partner>/} (where the SFTP server lands a partner's uploads): archived as that
 * partner's, whatever the bytes are; the envelope's sender must be that partner.
 */
@Component
public class FileIntake {

    private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

    private final Intake intake;

    public FileIntake(Intake intake) {
        this.intake = intake;
    }

    public Received receive(byte[] content, String fileName, String parent) {
        String folder = Path.of(parent).getFileName().toString();
        PartnerId partner = PartnerId.isValid(folder) ? PartnerId.of(folder) : null;
        String name = Path.of(fileName).getFileName().toString();
        Received received = partner == null
                ? intake.edi(content, "file", null, PartnerScope.everyone(), null, name)
                : intake.pickedUp(content, "file", partner, name);
        if (received instanceof Received.Refused refused) {
            log.warn("inbox file {}/{} refused: {}", folder, name, refused.detail());
        }
        return received;
    }
}
