package io.seamline.routes.sftp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.sftp}: our SFTP server ({@code server.enabled}, its {@code port} — 0 for any free one — and host key,
 * created on first start), how often partners' folders on it and partners' own SFTP servers are polled, how long a
 * file must stay unchanged before it counts as complete ({@code settle}), how often the pollers of partners' own
 * servers are brought in line with the partner directory ({@code refresh}).
 */
@ConfigurationProperties("seamline.sftp")
record SftpSettings(Server server, Duration poll, Duration settle, Duration refresh) {

    /** Our SFTP server. */
    public record Server(boolean enabled, int port, Path hostKey) {}

    public SftpSettings {
        server = server == null ? new Server(false, 2222, null) : server;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        settle = settle == null ? Duration.ofSeconds(1) : settle;
        refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
    }
}
