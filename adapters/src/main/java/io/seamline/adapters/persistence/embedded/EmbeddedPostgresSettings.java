package io.seamline.adapters.persistence.embedded;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database: {@code seamline.data-dir} holds its cluster (and other local state);
 * {@code port} 0 picks a free port at each start.
 */
@ConfigurationProperties("seamline")
record EmbeddedPostgresSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embeddedDb) {

    public record Embedded(
            @DefaultValue("0") int port,
            @DefaultValue("60s") Duration startupWait,
            @DefaultValue("seamline") String database) {}
}
