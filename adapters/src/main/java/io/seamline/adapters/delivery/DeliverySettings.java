package io.seamline.adapters.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.delivery}: the folder where answers wait for a transport that is not ours ({@code
 * outbox/<partner>/}: an AS2 server of the partner's choosing), the partners' folders on our SFTP server ({@code
 * partnerFolders/<partner>/in} for their uploads, {@code …/out} for what we send them), how
 * often the outbox is polled and how many deliveries one poll takes, and the retry schedule: the first retry after
 * {@code initialBackoff}, doubling up to {@code maxBackoff}, FAILED after {@code maxAttempts}; {@code fileRoots}: the
 * folders (besides the outbox and the partners' folders) a partner's FILE channel may name.
 */
@ConfigurationProperties("seamline.delivery")
public record DeliverySettings(
        Path outbox,
        Path partnerFolders,
        Duration poll,
        int batch,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxAttempts,
        List<Path> fileRoots) {

    public DeliverySettings {
        outbox = outbox == null ? Path.of("data", "outbox") : outbox;
        partnerFolders = partnerFolders == null ? Path.of("data", "sftp") : partnerFolders;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        batch = batch <= 0 ? 50 : batch;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        fileRoots = fileRoots == null ? List.of(Path.of("data")) : List.copyOf(fileRoots);
    }

    /** A partner's folder for our files on the SFTP server, where it picks them up. */
    public Path outgoingFolder(String partner) {
        return partnerFolders.resolve(partner).resolve("out");
    }

    /** When attempt number {@code attempts} (1 for the first) failed, how long until the next one. */
    public Duration backoffAfter(int attempts) {
        Duration next = initialBackoff;
        for (int i = 1; i < attempts && next.compareTo(maxBackoff) < 0; i++) {
            next = next.multipliedBy(2);
        }
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }
}
