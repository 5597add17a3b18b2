package io.seamline.routes.erp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the ERP drops files ({@code seamline.erp.inbox}) and how often the inbox is polled. */
@ConfigurationProperties("seamline.erp")
public record ErpSettings(Path inbox, Duration pollDelay) {}
