package io.seamline.coordination.writeback;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.erp}: where the ERP drops files ({@code inbox}) and how often the inbox is polled; where
 * outcomes are written back ({@code write-back.url} to POST them, or {@code write-back.folder} to drop them as
 * files; neither turns write-back off).
 */
@ConfigurationProperties("seamline.erp")
record ErpSettings(Path inbox, Duration pollDelay, WriteBack writeBack) {

    public ErpSettings {
        writeBack = writeBack == null ? new WriteBack(null, null) : writeBack;
    }

    public record WriteBack(URI url, Path folder) {

        public boolean enabled() {
            return url != null || folder != null;
        }
    }
}
